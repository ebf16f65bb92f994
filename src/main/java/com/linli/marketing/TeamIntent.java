package com.linli.marketing;

/**
 * A group-buy order's team: open a new team ({@code teamId} null) or join one through its share link.
 * An order without a team intent pays the listing's usual price.
 */
public record TeamIntent(Long teamId) {

	public static TeamIntent open() {
		return new TeamIntent(null);
	}

	public static TeamIntent join(long teamId) {
		return new TeamIntent(teamId);
	}

	public boolean opens() {
		return teamId == null;
	}
}
