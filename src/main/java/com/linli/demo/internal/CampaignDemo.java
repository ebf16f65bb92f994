package com.linli.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.List;

import com.linli.demo.LoadedCity;
import com.linli.identity.Actor;
import com.linli.marketing.Campaign;
import com.linli.marketing.Festival;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingStatus;
import com.linli.marketing.NewCampaign;
import com.linli.marketing.NewListingDiscount;
import com.linli.marketing.NewOffer;
import com.linli.marketing.NewReduction;
import com.linli.marketing.Offer;
import com.linli.marketing.OfferManagement;
import com.linli.marketing.Reduction;
import com.linli.marketing.ReductionManagement;
import com.linli.marketing.CampaignManagement;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.Money;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo city opens with a running 双12 campaign in its first region, through marketing's public API: a
 * full reduction 满39减5 / 满69减12 and a 20% listing discount under a ¥20,000 budget, plus a new-resident
 * first-order price and a 1-yuan offer on tomorrow's listings. The campaign's peak is 12-10 to 12-12 (warm-up
 * 7 days before, long tail 5 after); on a date outside that window it starts three days ago instead, so the
 * demo always opens with a campaign in its warm-up or peak.
 */
@Component
class CampaignDemo {

	private static final Logger log = LoggerFactory.getLogger(CampaignDemo.class);

	private static final Actor DEMO = Actor.system("demo-campaigns");

	private final CampaignManagement campaigns;

	private final ReductionManagement reductions;

	private final OfferManagement offers;

	private final ListingManagement listings;

	private final RegionManagement network;

	private final Clock clock;

	CampaignDemo(CampaignManagement campaigns, ReductionManagement reductions, OfferManagement offers,
			ListingManagement listings, RegionManagement network, Clock clock) {
		this.campaigns = campaigns;
		this.reductions = reductions;
		this.offers = offers;
		this.listings = listings;
		this.network = network;
		this.clock = clock;
	}

	/** Opens the campaign and the offers in the city's first region; a failure is logged and the demo goes on. */
	void open(LoadedCity city) {
		if (city == null || city.regions().isEmpty()) {
			return;
		}
		try {
			RegionId region = city.regions().get(0);
			LocalDate today = LocalDate.now(clock.withZone(network.getRegion(region).zone()));
			Campaign campaign = campaigns.create(DEMO, new NewCampaign(region, "双12 年终大促", Festival.DOUBLE_TWELVE,
					firstDay(today), null, null, null, Money.ofYuan("20000")));
			campaigns.schedule(DEMO, campaign.id());
			campaigns.start(DEMO, campaign.id());
			reductions.create(DEMO, new NewReduction(null, campaign.id(), null, "双12 全场满减",
					List.of(new Reduction.Tier(Money.ofYuan("39"), Money.ofYuan("5")),
							new Reduction.Tier(Money.ofYuan("69"), Money.ofYuan("12"))), null, null));
			List<Listing> open = listings.listingsFor(region, city.pickupDate()).stream()
				.filter(l -> l.status() == ListingStatus.ACTIVE && l.groupPrice().fen() >= 300)
				.sorted(Comparator.comparing(Listing::groupPrice).reversed()).toList();
			if (open.size() >= 3) {
				Listing discounted = open.get(0);
				reductions.discount(DEMO, new NewListingDiscount(discounted.id(), campaign.id(),
						discounted.groupPrice().timesBasisPoints(8_000), null, null));
				Listing firstOrder = open.get(1);
				offers.create(DEMO, new NewOffer(firstOrder.id(), Offer.Kind.NEW_RESIDENT, Offer.Audience.NEW_RESIDENTS,
						firstOrder.groupPrice().timesBasisPoints(5_000), null, null));
				offers.create(DEMO, new NewOffer(open.get(2).id(), Offer.Kind.ONE_YUAN, Offer.Audience.EVERYONE,
						Money.ofYuan("1"), null, null));
			}
			log.info("Demo city: campaign '{}' running from {} with 满39减5 / 满69减12", campaign.name(), campaign.startsOn());
		}
		catch (RuntimeException e) {
			log.error("Demo city: the 双12 campaign could not be opened; the city opens without it", e);
		}
	}

	/** Dec 3 (warm-up to Dec 9, peak Dec 10–12) when today falls in that campaign; else three days ago. */
	static LocalDate firstDay(LocalDate today) {
		LocalDate first = MonthDay.of(12, 3).atYear(today.getYear());
		LocalDate end = first.plusDays(NewCampaign.DEFAULT_WARMUP_DAYS + NewCampaign.DEFAULT_PEAK_DAYS
				+ NewCampaign.DEFAULT_TAIL_DAYS);
		return !today.isBefore(first) && today.isBefore(end.minusDays(NewCampaign.DEFAULT_TAIL_DAYS)) ? first
				: today.minusDays(3);
	}
}
