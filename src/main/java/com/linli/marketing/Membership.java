package com.linli.marketing;

import java.util.List;

/**
 * A resident's membership: their growth value, their level (null when no level is configured), the next
 * level (null at the top) and the growth still missing to reach it, and every level for the page.
 */
public record Membership(long growth, MembershipLevel level, MembershipLevel next, long growthToNext,
		List<MembershipLevel> levels) {
}
