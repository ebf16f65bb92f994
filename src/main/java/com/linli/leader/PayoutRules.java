package com.linli.leader;

import java.time.Duration;

import com.linli.shared.Money;

/**
 * The rules of settlement and withdrawals: how long commission stays pending after pickup (the after-sales
 * window, {@code linli.leader.settlement.window}), the smallest withdrawal ({@code linli.leader.withdrawal.minimum-fen})
 * and how many a leader may request per calendar month ({@code linli.leader.withdrawal.per-month}).
 */
public record PayoutRules(Duration window, Money minimum, int perMonth) {
}
