package com.linli.marketing.internal.campaigns.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.marketing.CampaignManagement;
import com.linli.marketing.internal.web.HomeSection;
import com.linli.network.PickupPoint;

import org.springframework.stereotype.Component;

/** The storefront home's banner of the campaign running in the resident's region: its phase and its 满减. From the cache. */
@Component
class CampaignHomeSection implements HomeSection {

	private final CampaignManagement campaigns;

	CampaignHomeSection(CampaignManagement campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public int position() {
		return 10;
	}

	@Override
	public String template() {
		return "marketing/campaigns-home";
	}

	@Override
	public Optional<Object> model(AccountId resident, PickupPoint point, Instant now, ZoneId zone) {
		return campaigns.banner(point.regionId(), now, zone).map(b -> b);
	}
}
