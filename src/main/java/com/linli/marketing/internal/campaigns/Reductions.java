package com.linli.marketing.internal.campaigns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.catalog.CategoryId;
import com.linli.marketing.CampaignId;
import com.linli.marketing.ListingDiscount;
import com.linli.marketing.ListingId;
import com.linli.marketing.Reduction;
import com.linli.network.RegionId;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Full reductions with their tiers, and listing discounts. */
@Repository
public class Reductions {

	private final JdbcClient jdbc;

	Reductions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(RegionId region, CampaignId campaign, CategoryId category, String name, List<Reduction.Tier> tiers,
			Instant startsAt, Instant endsAt, Instant now) {
		long id = jdbc.sql("""
				insert into marketing.reduction (region_id, campaign_id, category_id, name, starts_at, ends_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(region.value(), campaign == null ? null : campaign.value(), category == null ? null : category.value(),
					name, Timestamp.from(startsAt), Timestamp.from(endsAt), Timestamp.from(now))
			.query(Long.class).single();
		for (Reduction.Tier t : tiers) {
			jdbc.sql("insert into marketing.reduction_tier (reduction_id, threshold_fen, amount_fen) values (?, ?, ?)")
				.params(id, t.threshold().fen(), t.amount().fen()).update();
		}
		return id;
	}

	public boolean deactivate(long id) {
		return jdbc.sql("update marketing.reduction set active = false where id = ? and active").param(id).update() == 1;
	}

	public Optional<Reduction> find(long id) {
		return query("r.id = :id", Map.of("id", id)).stream().findFirst();
	}

	/** Active reductions of a region (for the price engine's cache), with their tiers. */
	public List<Reduction> activeIn(RegionId region) {
		return query("r.region_id = :region and r.active", Map.of("region", region.value()));
	}

	/** Every reduction of the regions (null: all), latest first, for the console. */
	public List<Reduction> list(Collection<Long> regionIds) {
		if (regionIds != null && regionIds.isEmpty()) {
			return List.of();
		}
		return regionIds == null ? query("true", Map.of()) : query("r.region_id in (:regions)", Map.of("regions", regionIds));
	}

	public List<Reduction> ofCampaign(CampaignId campaign) {
		return query("r.campaign_id = :c", Map.of("c", campaign.value()));
	}

	private List<Reduction> query(String where, Map<String, ?> params) {
		Map<Long, Reduction> byId = new LinkedHashMap<>();
		Map<Long, List<Reduction.Tier>> tiers = new LinkedHashMap<>();
		jdbc.sql("""
				select r.id, r.region_id, r.campaign_id, r.category_id, r.name, r.starts_at, r.ends_at, r.active,
				       t.threshold_fen, t.amount_fen
				from marketing.reduction r left join marketing.reduction_tier t on t.reduction_id = r.id""" + " where "
				+ where + " order by r.id desc, t.threshold_fen limit 5000")
			.params(params)
			.query(rs -> {
				long id = rs.getLong("id");
				byId.computeIfAbsent(id, k -> reduction(rs));
				if (rs.getObject("threshold_fen") != null) {
					tiers.computeIfAbsent(id, k -> new ArrayList<>()).add(new Reduction.Tier(
							Money.ofFen(rs.getLong("threshold_fen")), Money.ofFen(rs.getLong("amount_fen"))));
				}
			});
		return byId.values().stream().map(r -> new Reduction(r.id(), r.regionId(), r.campaignId(), r.categoryId(), r.name(),
				tiers.getOrDefault(r.id(), List.of()), r.startsAt(), r.endsAt(), r.active())).toList();
	}

	private static Reduction reduction(ResultSet rs) {
		try {
			return new Reduction(rs.getLong("id"), new RegionId(rs.getLong("region_id")), campaign(rs),
					rs.getObject("category_id") == null ? null : new CategoryId(rs.getLong("category_id")), rs.getString("name"),
					List.of(), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
					rs.getBoolean("active"));
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	public long insertDiscount(RegionId region, ListingId listing, CampaignId campaign, Money price, Instant startsAt,
			Instant endsAt, Instant now) {
		return jdbc.sql("""
				insert into marketing.listing_discount (region_id, listing_id, campaign_id, price_fen, starts_at, ends_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(region.value(), listing.value(), campaign == null ? null : campaign.value(), price.fen(),
					Timestamp.from(startsAt), Timestamp.from(endsAt), Timestamp.from(now))
			.query(Long.class).single();
	}

	public boolean deactivateDiscount(long id) {
		return jdbc.sql("update marketing.listing_discount set active = false where id = ? and active").param(id).update() == 1;
	}

	public Optional<ListingDiscount> findDiscount(long id) {
		return discounts("id = :id", Map.of("id", id)).stream().findFirst();
	}

	public List<ListingDiscount> activeDiscountsIn(RegionId region) {
		return discounts("region_id = :region and active", Map.of("region", region.value()));
	}

	public List<ListingDiscount> discounts(Collection<Long> regionIds) {
		if (regionIds != null && regionIds.isEmpty()) {
			return List.of();
		}
		return regionIds == null ? discounts("true", Map.of()) : discounts("region_id in (:regions)", Map.of("regions", regionIds));
	}

	public List<ListingDiscount> discountsOfCampaign(CampaignId campaign) {
		return discounts("campaign_id = :c", Map.of("c", campaign.value()));
	}

	private List<ListingDiscount> discounts(String where, Map<String, ?> params) {
		return jdbc.sql("select id, region_id, listing_id, campaign_id, price_fen, starts_at, ends_at, active "
				+ "from marketing.listing_discount where " + where + " order by id desc limit 5000")
			.params(params)
			.query((rs, n) -> new ListingDiscount(rs.getLong("id"), new RegionId(rs.getLong("region_id")),
					new ListingId(rs.getLong("listing_id")), campaign(rs), Money.ofFen(rs.getLong("price_fen")),
					rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getBoolean("active")))
			.list();
	}

	private static CampaignId campaign(ResultSet rs) throws SQLException {
		return rs.getObject("campaign_id") == null ? null : new CampaignId(rs.getLong("campaign_id"));
	}
}
