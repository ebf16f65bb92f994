package com.linli.fulfilment;

import com.linli.ordering.CutoffOutlook;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Refusal of a cutoff started by staff before the listings' own cutoff without saying it is meant to
 * be early: it would cancel orders whose residents may still pay. Carries the {@link CutoffOutlook}
 * (how many orders unpaid, how many paid, when the listings close) for the confirmation to show.
 */
public class EarlyCutoff extends BusinessRuleException {

	private final transient CutoffOutlook outlook;

	public EarlyCutoff(CutoffOutlook outlook) {
		super("cutoff-early", "early", Text.of("fulfilment.problem.cutoffEarly", String.valueOf(outlook.listingsCutoffAt()),
				outlook.unpaidOrders(), outlook.paidOrders()));
		this.outlook = outlook;
	}

	public CutoffOutlook outlook() {
		return outlook;
	}
}
