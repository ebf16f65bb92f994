package com.linli.marketing;

/** The id of a campaign. */
public record CampaignId(long value) {

	@Override
	public String toString() {
		return String.valueOf(value);
	}
}
