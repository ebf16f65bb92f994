package com.linli.leader;

/** Identifies a leader application. */
public record LeaderApplicationId(long value) {
}
