package com.linli.leader;

import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/**
 * A region's penalty rules: no orders for {@code inactiveDays} days; more than {@code lateReceipts} late receipt
 * confirmations in 30 days; complaints over {@code complaintRateBasisPoints} of the orders of 30 days (once there
 * are at least {@code minOrdersForRate} orders); a lower band cuts every rate by
 * {@code lowerBandReductionBasisPoints} when the level below has no bands of its own.
 */
public record PenaltyRules(int inactiveDays, int lateReceipts, int complaintRateBasisPoints, int minOrdersForRate,
		int lowerBandReductionBasisPoints) {

	public PenaltyRules {
		check("inactiveDays", inactiveDays, 1, 90);
		check("lateReceipts", lateReceipts, 1, 30);
		check("complaintRateBasisPoints", complaintRateBasisPoints, 1, 10000);
		check("minOrdersForRate", minOrdersForRate, 1, 100000);
		check("lowerBandReductionBasisPoints", lowerBandReductionBasisPoints, 0, 5000);
	}

	private static void check(String field, int value, int min, int max) {
		if (value < min || value > max) {
			throw new InvalidInputException(field, Text.of("leader.problem.penaltiesRuleRange", min, max));
		}
	}
}
