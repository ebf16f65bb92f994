package com.linli.leader;

/** A withdrawal as lists show it: with the leader's name, phone and pickup point. */
public record WithdrawalLine(Withdrawal withdrawal, String leaderName, String leaderPhone, long pickupPointId) {
}
