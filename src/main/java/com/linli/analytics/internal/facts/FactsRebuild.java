package com.linli.analytics.internal.facts;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.linli.analytics.internal.metrics.Period;
import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.identity.Actor;
import com.linli.network.RegionId;
import com.linli.ordering.OrderFacts;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a region's facts for a range of days from ordering's {@link OrderFacts}: per chunk of days, in one
 * transaction, the daily tables and the residents' DAY rows of the chunk are deleted and inserted again (one
 * grouped query per figure, one array insert per table); then the periods touching the range (week, month,
 * quarter rows and the per-period counts) are derived again from the daily rows, and the residents' first and
 * second days from all their DAY rows. Idempotent: running it twice writes the same rows. Progress is logged.
 */
@Service
public class FactsRebuild {

	private static final Logger log = LoggerFactory.getLogger(FactsRebuild.class);

	/** Days per transaction: a month of a city's lines in one set of grouped queries. */
	static final int CHUNK_DAYS = 31;

	/** The longest range one call rebuilds (a little over a year and a quarter). */
	static final int MAX_DAYS = 500;

	private final OrderFacts orders;

	private final FactsTables tables;

	private final TransactionTemplate tx;

	FactsRebuild(OrderFacts orders, FactsTables tables, TransactionTemplate tx) {
		this.orders = orders;
		this.tables = tables;
		this.tx = tx;
	}

	/** A staff member's rebuild: an operator of the region or an admin. */
	public RebuildResult rebuild(Actor actor, RegionId region, LocalDate from, LocalDate toInclusive) {
		if (region == null) {
			throw new InvalidInputException("regionId", Text.of("analytics.problem.regionRequired"));
		}
		actor.checkRegion(region.value());
		return rebuild(region, from, toInclusive);
	}

	public RebuildResult rebuild(RegionId region, LocalDate from, LocalDate toInclusive) {
		if (from == null || toInclusive == null || toInclusive.isBefore(from)) {
			throw new InvalidInputException("to", Text.of("analytics.problem.rangeReversed"));
		}
		long days = ChronoUnit.DAYS.between(from, toInclusive) + 1;
		if (days > MAX_DAYS) {
			throw new InvalidInputException("from", Text.of("analytics.problem.rangeTooLong", MAX_DAYS));
		}
		long started = System.nanoTime();
		long rows = 0;
		for (LocalDate chunk = from; !chunk.isAfter(toInclusive); chunk = chunk.plusDays(CHUNK_DAYS)) {
			LocalDate first = chunk;
			LocalDate last = min(chunk.plusDays(CHUNK_DAYS - 1), toInclusive);
			Long written = tx.execute(s -> {
				tables.roomToGroup();
				tables.deleteDays(region, first, last);
				return tables.insertSales(region, orders.categoryDays(region, first, last))
						+ tables.insertPoints(region, orders.pointDays(region, first, last))
						+ tables.insertSkus(region, orders.skuDays(region, first, last))
						+ tables.insertResidentDays(region, orders.residentDays(region, first, last));
			});
			rows += written;
			long done = ChronoUnit.DAYS.between(from, last) + 1;
			log.info("Facts rebuild of region {}: {}% ({} of {} days, {} rows)", region.value(), done * 90 / days, done,
					days, rows);
		}
		Long derived = tx.execute(s -> {
			tables.roomToGroup();
			long n = tables.deriveRegionDays(region, from, toInclusive);
			for (PeriodKind kind : PeriodKind.values()) {
				LocalDate start = Period.containing(kind, from).start();
				LocalDate end = Period.containing(kind, toInclusive).end();
				n += tables.derivePeriods(region, kind, start, end);
			}
			return n + tables.deriveResidentFirst(region);
		});
		rows += derived;
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		log.info("Facts rebuild of region {} from {} to {}: 100%, {} rows in {} ms", region.value(), from, toInclusive,
				rows, elapsed.toMillis());
		return new RebuildResult(region.value(), from, toInclusive, rows, elapsed);
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}
}
