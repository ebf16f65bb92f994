package com.linli.marketing;

/** The phases of a campaign, back to back: warm-up (预热), peak (爆发), long tail (返场). */
public enum CampaignPhase {

	WARM_UP, PEAK, LONG_TAIL
}
