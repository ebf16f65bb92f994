package com.linli.marketing.internal.campaigns;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.linli.marketing.Campaign;
import com.linli.marketing.CampaignReport;
import com.linli.marketing.CampaignReport.Day;
import com.linli.marketing.CampaignReport.Figures;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The campaign report from marketing's own record of its orders (paid and not cancelled), day by day. */
@Component
public class CampaignReports {

	private final JdbcClient jdbc;

	CampaignReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public CampaignReport of(Campaign campaign, ZoneId zone) {
		List<Day> days = jdbc.sql("""
				select (paid_at at time zone ?)::date as day, count(*) as orders, coalesce(sum(paid_fen), 0) as gmv,
				       count(*) filter (where new_resident) as new_residents, coalesce(sum(discount_fen), 0) as cost
				from marketing.campaign_order
				where campaign_id = ? and paid_at is not null and cancelled_at is null
				group by 1 order by 1""")
			.params(zone.getId(), campaign.id().value())
			.query((rs, n) -> new Day(rs.getObject("day", LocalDate.class), new Figures(rs.getLong("orders"),
					Money.ofFen(rs.getLong("gmv")), rs.getLong("new_residents"), Money.ofFen(rs.getLong("cost")))))
			.list();
		Figures total = new Figures(days.stream().mapToLong(d -> d.figures().orders()).sum(),
				Money.ofFen(days.stream().mapToLong(d -> d.figures().gmv().fen()).sum()),
				days.stream().mapToLong(d -> d.figures().newResidents()).sum(),
				Money.ofFen(days.stream().mapToLong(d -> d.figures().discountCost().fen()).sum()));
		return new CampaignReport(campaign, days, total);
	}
}
