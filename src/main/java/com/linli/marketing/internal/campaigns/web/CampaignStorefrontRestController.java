package com.linli.marketing.internal.campaigns.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.linli.marketing.CampaignManagement;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a resident's storefront shows of the campaign running in their region. */
@RestController
@RequestMapping("/api/marketing/campaigns")
@Tag(name = "campaigns (residents)", description = "the running campaign's banner")
class CampaignStorefrontRestController {

	private final CampaignManagement campaigns;

	private final RegionManagement network;

	private final Clock clock;

	CampaignStorefrontRestController(CampaignManagement campaigns, RegionManagement network, Clock clock) {
		this.campaigns = campaigns;
		this.network = network;
		this.clock = clock;
	}

	@GetMapping("/running")
	@Operation(summary = "The campaign giving discounts in a region now (empty list: none)",
			description = "Its phase today and its full reductions as written on a poster (满39减5 / 满69减12).")
	List<RunningView> running(@RequestParam long regionId) {
		Instant now = clock.instant();
		var zone = network.getRegion(new RegionId(regionId)).zone();
		return campaigns.banner(new RegionId(regionId), now, zone).stream()
			.map(b -> new RunningView(b.campaign().id().value(), b.campaign().name(), b.campaign().festival().name(),
					b.phase() == null ? null : b.phase().name(), b.campaign().endsAt(), b.reductions()))
			.toList();
	}

	record RunningView(long id, String name, String festival, String phase, Instant endsAt, List<String> reductions) {
	}
}
