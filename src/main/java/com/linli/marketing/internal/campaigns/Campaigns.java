package com.linli.marketing.internal.campaigns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.linli.marketing.Campaign;
import com.linli.marketing.CampaignId;
import com.linli.marketing.CampaignStatus;
import com.linli.marketing.Festival;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns and their coupon templates; status saved by compare-and-set on the version. */
@Repository
public class Campaigns {

	private static final String COLUMNS = "id, region_id, name, festival, starts_on, warmup_days, peak_days, tail_days, "
			+ "starts_at, ends_at, budget_fen, spent_fen, status, version";

	private final JdbcClient jdbc;

	Campaigns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public CampaignId insert(Campaign c, Instant now) {
		long id = jdbc.sql("""
				insert into marketing.campaign (region_id, name, festival, starts_on, warmup_days, peak_days, tail_days,
				    starts_at, ends_at, budget_fen, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(c.regionId().value(), c.name(), c.festival().name(), c.startsOn(), c.warmupDays(), c.peakDays(),
					c.tailDays(), Timestamp.from(c.startsAt()), Timestamp.from(c.endsAt()), c.budget().fen(),
					c.status().name(), Timestamp.from(now))
			.query(Long.class).single();
		return new CampaignId(id);
	}

	public Optional<Campaign> find(CampaignId id) {
		return jdbc.sql("select " + COLUMNS + " from marketing.campaign where id = ?").param(id.value())
			.query(Campaigns::map).optional();
	}

	/** A region's campaigns (null: every region of the list), latest first. */
	public List<Campaign> list(Collection<Long> regionIds) {
		if (regionIds != null && regionIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from marketing.campaign"
				+ (regionIds == null ? "" : " where region_id in (:regions)") + " order by starts_at desc, id desc limit 200")
			.params(regionIds == null ? java.util.Map.of() : java.util.Map.of("regions", regionIds))
			.query(Campaigns::map).list();
	}

	/** Campaigns of a region that may give discounts (scheduled or running), for the price engine's cache. */
	public List<Campaign> givingDiscounts(RegionId region) {
		return jdbc.sql("select " + COLUMNS + " from marketing.campaign where region_id = ? and status in ('SCHEDULED', 'RUNNING')")
			.param(region.value()).query(Campaigns::map).list();
	}

	/** Saves the status if nobody changed the campaign since it was read; a 409 otherwise. */
	public void save(Campaign c) {
		int n = jdbc.sql("update marketing.campaign set status = ?, version = version + 1 where id = ? and version = ?")
			.params(c.status().name(), c.id().value(), c.version()).update();
		if (n != 1) {
			throw new BusinessRuleException("changed-concurrently", Text.of("marketing.campaigns.problem.changedConcurrently"));
		}
	}

	/** Scheduled campaigns whose first day came become running: a set-based move whose from-status is the enum's. */
	public int startDue(Instant now) {
		return moveDue(CampaignStatus.SCHEDULED, CampaignStatus.RUNNING, "starts_at <= ?", now);
	}

	/** Running campaigns past their end become ended. */
	public int endDue(Instant now) {
		return moveDue(CampaignStatus.RUNNING, CampaignStatus.ENDED, "ends_at <= ?", now);
	}

	private int moveDue(CampaignStatus from, CampaignStatus to, String when, Instant now) {
		from.to(to);
		return jdbc.sql("update marketing.campaign set status = ?, version = version + 1 where status = ? and " + when)
			.params(to.name(), from.name(), Timestamp.from(now)).update();
	}

	/** Consumes budget if it covers the amount: spent + amount <= budget, in one conditional update. */
	public boolean consume(long campaignId, long fen) {
		return jdbc.sql("update marketing.campaign set spent_fen = spent_fen + ? where id = ? and spent_fen + ? <= budget_fen")
			.params(fen, campaignId, fen).update() == 1;
	}

	/** Gives budget back (an order cancelled). */
	public void release(long campaignId, long fen) {
		jdbc.sql("update marketing.campaign set spent_fen = greatest(spent_fen - ?, 0) where id = ?").params(fen, campaignId)
			.update();
	}

	public void addCouponTemplate(CampaignId id, long templateId) {
		jdbc.sql("insert into marketing.campaign_coupon_template (campaign_id, coupon_template_id) values (?, ?) on conflict do nothing")
			.params(id.value(), templateId).update();
	}

	public List<Long> couponTemplates(CampaignId id) {
		return jdbc.sql("select coupon_template_id from marketing.campaign_coupon_template where campaign_id = ? order by 1")
			.param(id.value()).query(Long.class).list();
	}

	static Campaign map(ResultSet rs, int row) throws SQLException {
		return new Campaign(new CampaignId(rs.getLong("id")), new RegionId(rs.getLong("region_id")), rs.getString("name"),
				Festival.valueOf(rs.getString("festival")), rs.getObject("starts_on", java.time.LocalDate.class),
				rs.getInt("warmup_days"), rs.getInt("peak_days"), rs.getInt("tail_days"),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				Money.ofFen(rs.getLong("budget_fen")), Money.ofFen(rs.getLong("spent_fen")),
				CampaignStatus.valueOf(rs.getString("status")), rs.getInt("version"));
	}
}
