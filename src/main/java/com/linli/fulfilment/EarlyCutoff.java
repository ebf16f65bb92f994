package com.linli.fulfilment;

import com.linli.ordering.CutoffOutlook;
import com.linli.shared.BusinessRuleException;

/**
 * Refusal of a cutoff started by staff before the listings' own cutoff without saying it is meant to
 * be early: it would cancel orders whose residents may still pay. Carries the {@link CutoffOutlook}
 * (how many orders unpaid, how many paid, when the listings close) for the confirmation to show.
 */
public class EarlyCutoff extends BusinessRuleException {

	private final transient CutoffOutlook outlook;

	public EarlyCutoff(CutoffOutlook outlook) {
		super("cutoff-early", "early", "团购尚未到截单时间 (" + outlook.listingsCutoffAt() + ")：现在截单将取消 "
				+ outlook.unpaidOrders() + " 笔未支付订单并通知居民，确认 " + outlook.paidOrders()
				+ " 笔已支付订单；确需提前截单请带上 early: true / the listings close at " + outlook.listingsCutoffAt()
				+ ": a cutoff now cancels " + outlook.unpaidOrders() + " unpaid order(s) (their residents are told) and confirms "
				+ outlook.paidOrders() + " paid order(s); send early: true to cut off early anyway");
		this.outlook = outlook;
	}

	public CutoffOutlook outlook() {
		return outlook;
	}
}
