package com.linli.inventory.internal.pricing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The price suggestion of one listing (动态定价), pure arithmetic without Spring.
 * <p>
 * Demand at a price follows a constant elasticity: {@code r(p) = r0 · (p / p0)^ε}, r0 the forecast's expected
 * units per day at today's price p0. The stock is sold first-expiry-first-out at that rate over a horizon (the
 * selling days left of the last batch with an expiry, at most {@value #MAX_HORIZON} days); a batch's units not
 * sold by its last selling day are wasted. Then, in this order:
 * <ol>
 * <li><b>expiry</b>: when units would be wasted at p0, the price p* at which the rate sells every batch before it
 * expires ({@code r* = max over batches of units up to that batch / its selling days}, {@code p* = p0 ·
 * (r* ÷ r0)^(1/ε)}), rounded down to 0.1 元 so that it does clear. Not below the unit cost (rounded up to 0.1 元)
 * unless the units left at the cost price would be wasted, earning nothing: then down to a salvage share of the
 * cost, if that makes the better margin ({@code sold · (p − cost) − wasted · cost}) over the horizon;</li>
 * <li><b>short cover</b>: when the stock kept covers fewer than {@code shortCoverDays} days and the lowest
 * competitor sells above p0, a modest raise ({@code raiseStep}) up to that competitor's price and the list price;
 * a SKU with no stock at all is bought to order after the cutoff (the group-buying default), not short;</li>
 * <li><b>competitor</b>: never more than {@code competitorTolerance} above the lowest competitor price (rounded
 * down to 0.1 元), but never below the floor.</li>
 * </ol>
 * Without a known cost the floor is {@code salvageShare} of p0. The answer carries the figures it was made of.
 */
public final class PriceRule {

	/** The longest horizon over which sales and waste are counted. */
	public static final int MAX_HORIZON = 28;

	/** The horizon when no batch has an expiry date (ambient goods). */
	public static final int DEFAULT_HORIZON = 7;

	/** Expected waste below this many units is no reason to discount. */
	static final double WASTE_WORTH_ACTING = 0.5;

	/** What the rule may do: its thresholds. */
	public record Settings(double shortCoverDays, double raiseStep, double competitorTolerance, double salvageShare) {

		public static final Settings DEFAULTS = new Settings(2.0, 0.05, 0.10, 0.5);

		public Settings {
			if (!(shortCoverDays >= 0 && raiseStep >= 0 && raiseStep <= 0.5 && competitorTolerance >= 0
					&& salvageShare > 0 && salvageShare <= 1)) {
				throw new IllegalArgumentException("price rule settings out of range");
			}
		}
	}

	/**
	 * Units of a batch that can still be sold, with the pickup days left before it expires ({@code null}: no
	 * expiry date; 0 or less: it can no longer be sold).
	 */
	public record Lot(Integer sellingDays, long units) {
	}

	/**
	 * What the rule reads: today's price p0, the list price (a raise stays at or below it, null: no bound),
	 * the unit cost (null: unknown), the expected units per day at p0, the lots available to sell, the
	 * elasticity ε (below 0) and the lowest competitor price (null: none recorded).
	 */
	public record Input(long currentFen, Long listFen, Long unitCostFen, double dailyDemand, List<Lot> lots,
			double elasticity, Long competitorLowFen) {
	}

	public enum Kind {
		DISCOUNT, RAISE, HOLD
	}

	public enum Reason {
		EXPIRY, COMPETITOR, SHORT_COVER, NONE
	}

	/** Units sold and wasted over the horizon at one price, and the margin (null without a cost). */
	public record Outlook(double sold, double wasted, Long marginFen) {
	}

	/** The suggestion with its reasoning. */
	public record Suggestion(Kind kind, Reason reason, long priceFen, long available, Double coverDays,
			Integer shelfDays, int horizonDays, Integer riskDays, Outlook now, Outlook suggested) {
	}

	private final Settings settings;

	public PriceRule(Settings settings) {
		this.settings = settings;
	}

	public PriceRule() {
		this(Settings.DEFAULTS);
	}

	public Suggestion suggest(Input in) {
		if (in.currentFen() <= 0) {
			throw new IllegalArgumentException("current price must be above zero");
		}
		if (!(in.elasticity() < 0)) {
			throw new IllegalArgumentException("elasticity must be below zero");
		}
		List<Lot> lots = fefo(in.lots());
		long available = lots.stream().mapToLong(Lot::units).sum();
		double r0 = Math.max(0, in.dailyDemand());
		Double cover = r0 > 0 ? available / r0 : null;
		Integer shelf = lots.stream().map(Lot::sellingDays).filter(d -> d != null).min(Integer::compare).orElse(null);
		int horizon = horizon(lots);
		long p0 = in.currentFen();
		Outlook now = outlook(in, lots, horizon, r0, p0, p0);
		if (r0 <= 0) {
			return new Suggestion(Kind.HOLD, Reason.NONE, p0, available, cover, shelf, horizon, riskDays(lots, horizon), now,
					now);
		}
		long floor = in.unitCostFen() == null ? ceil10(p0 * settings.salvageShare()) : ceil10(in.unitCostFen());
		long price = p0;
		Reason reason = Reason.NONE;
		double unavoidable = lots.stream().filter(l -> l.sellingDays() != null && l.sellingDays() <= 0)
			.mapToLong(Lot::units).sum();
		if (now.wasted() - unavoidable > WASTE_WORTH_ACTING) {
			long clearing = floor10(p0 * Math.pow(neededRate(lots, horizon) / r0, 1 / in.elasticity()));
			price = Math.min(p0, Math.max(clearing, 10));
			if (price < floor) {
				long costFloor = Math.min(floor, p0);
				price = belowCost(in, lots, horizon, r0, clearing, costFloor);
			}
			reason = price < p0 ? Reason.EXPIRY : Reason.NONE;
		}
		else if (available > 0 && cover != null && cover < settings.shortCoverDays() && in.competitorLowFen() != null
				&& in.competitorLowFen() > p0) {
			long raised = floor10(p0 * (1 + settings.raiseStep()));
			raised = Math.min(raised, in.competitorLowFen());
			if (in.listFen() != null) {
				raised = Math.min(raised, in.listFen());
			}
			if (raised > p0) {
				price = raised;
				reason = Reason.SHORT_COVER;
			}
		}
		if (in.competitorLowFen() != null) {
			long cap = floor10(in.competitorLowFen() * (1 + settings.competitorTolerance()));
			if (price > cap) {
				long capped = Math.max(cap, Math.min(floor, price));
				if (capped < price) {
					price = capped;
					reason = reason == Reason.NONE ? Reason.COMPETITOR : reason;
				}
			}
		}
		if (price == p0) {
			return new Suggestion(Kind.HOLD, Reason.NONE, p0, available, cover, shelf, horizon, riskDays(lots, horizon), now,
					now);
		}
		Outlook at = outlook(in, lots, horizon, r0, p0, price);
		return new Suggestion(price < p0 ? Kind.DISCOUNT : Kind.RAISE, reason, price, available, cover, shelf, horizon,
				riskDays(lots, horizon), now, at);
	}

	/**
	 * The clearing price lies below the cost floor: the units left at the cost price would expire and earn
	 * nothing, so a price down to the salvage share of the cost is taken when its margin is the better one.
	 */
	private long belowCost(Input in, List<Lot> lots, int horizon, double r0, long clearing, long costFloor) {
		long p0 = in.currentFen();
		if (in.unitCostFen() == null) {
			return costFloor;
		}
		long salvage = Math.max(ceil10(in.unitCostFen() * settings.salvageShare()), 10);
		long candidate = Math.min(Math.max(clearing, salvage), p0);
		Outlook atCandidate = outlook(in, lots, horizon, r0, p0, candidate);
		Outlook atCost = outlook(in, lots, horizon, r0, p0, costFloor);
		return atCandidate.marginFen() > atCost.marginFen() ? candidate : costFloor;
	}

	/** The units per day that sell every batch before it expires: max over batches of cumulative units / days. */
	static double neededRate(List<Lot> lots, int horizon) {
		double needed = 0;
		long cumulative = 0;
		for (Lot lot : lots) {
			if (lot.sellingDays() != null && lot.sellingDays() <= 0) {
				continue;
			}
			cumulative += lot.units();
			if (lot.sellingDays() != null && lot.sellingDays() <= horizon) {
				needed = Math.max(needed, (double) cumulative / lot.sellingDays());
			}
		}
		return needed;
	}

	private Outlook outlook(Input in, List<Lot> lots, int horizon, double r0, long p0, long price) {
		double rate = r0 * Math.pow((double) price / p0, in.elasticity());
		double[] sw = simulate(lots, rate, horizon);
		Long margin = in.unitCostFen() == null ? null
				: Math.round(sw[0] * (price - in.unitCostFen()) - sw[1] * in.unitCostFen());
		return new Outlook(sw[0], sw[1], margin);
	}

	/**
	 * Sells {@code rate} units a day first-expiry-first-out for {@code horizon} days: {sold, wasted}. A batch
	 * gets the demand of its selling days that the batches before it did not take; what it has left when its
	 * last selling day (within the horizon) passes is wasted.
	 */
	static double[] simulate(List<Lot> lots, double rate, int horizon) {
		double sold = 0;
		double wasted = 0;
		for (Lot lot : lots) {
			int days = lot.sellingDays() == null ? horizon : Math.min(Math.max(lot.sellingDays(), 0), horizon);
			double capacity = Math.max(0, rate * days - sold);
			double s = Math.min(lot.units(), capacity);
			sold += s;
			if (lot.sellingDays() != null && lot.sellingDays() <= horizon) {
				wasted += lot.units() - s;
			}
		}
		return new double[] { sold, wasted };
	}

	/** Days until the last batch with an expiry within the horizon can no longer be sold (null: none). */
	private static Integer riskDays(List<Lot> lots, int horizon) {
		return lots.stream().map(Lot::sellingDays).filter(d -> d != null && d <= horizon).max(Integer::compare)
			.orElse(null);
	}

	static int horizon(List<Lot> lots) {
		return lots.stream().map(Lot::sellingDays).filter(d -> d != null).max(Integer::compare)
			.map(d -> Math.min(Math.max(d, 1), MAX_HORIZON)).orElse(DEFAULT_HORIZON);
	}

	static List<Lot> fefo(List<Lot> lots) {
		List<Lot> sorted = new ArrayList<>(lots.stream().filter(l -> l.units() > 0).toList());
		sorted.sort(Comparator.comparing(Lot::sellingDays, Comparator.nullsLast(Comparator.naturalOrder())));
		return sorted;
	}

	/** Rounded down to 0.1 元 (10 fen); a hair of floating error below a multiple still counts as it. */
	static long floor10(double fen) {
		return (long) Math.floor(fen / 10 + 1e-6) * 10;
	}

	/** Rounded up to 0.1 元 (10 fen). */
	static long ceil10(double fen) {
		return (long) Math.ceil(fen / 10 - 1e-6) * 10;
	}
}
