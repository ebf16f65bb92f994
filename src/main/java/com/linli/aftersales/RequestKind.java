package com.linli.aftersales;

/**
 * What a resident asks for: money back and keep the goods (refund only, 仅退款), give the goods back to the
 * leader and get the money (return and refund, 退货退款), or the same item again in the next delivery to the
 * same pickup point (exchange, 换货).
 */
public enum RequestKind {

	REFUND_ONLY, RETURN_AND_REFUND, EXCHANGE;

	/** Whether the goods come back through the leader before the request completes. */
	public boolean needsReturn() {
		return this == RETURN_AND_REFUND || this == EXCHANGE;
	}
}
