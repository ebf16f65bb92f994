package com.linli.marketing;

import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Where a campaign is in its life: prepared ({@code DRAFT}), announced and waiting for its first day
 * ({@code SCHEDULED}), in its phases ({@code RUNNING}), over ({@code ENDED}); a draft or scheduled one may be
 * {@code CANCELLED}. Only a scheduled or running campaign gives discounts, and only between its start and end.
 */
public enum CampaignStatus {

	DRAFT, SCHEDULED, RUNNING, ENDED, CANCELLED;

	/** The statuses this one may move to. */
	public Set<CampaignStatus> next() {
		return switch (this) {
			case DRAFT -> Set.of(SCHEDULED, CANCELLED);
			case SCHEDULED -> Set.of(RUNNING, CANCELLED);
			case RUNNING -> Set.of(ENDED);
			case ENDED, CANCELLED -> Set.of();
		};
	}

	public boolean canBecome(CampaignStatus target) {
		return next().contains(target);
	}

	/** The target, or a 409 naming both statuses when the move is not allowed. */
	public CampaignStatus to(CampaignStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("campaign-illegal-transition",
					Text.of("marketing.campaigns.problem.illegalTransition", this, target));
		}
		return target;
	}

	/** Whether a campaign in this status gives its discounts (within its dates). */
	public boolean givesDiscounts() {
		return this == SCHEDULED || this == RUNNING;
	}
}
