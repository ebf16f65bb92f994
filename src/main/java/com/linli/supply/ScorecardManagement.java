package com.linli.supply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.shared.SupplierId;
import com.linli.supply.internal.AfterSalesCases;
import com.linli.supply.internal.AfterSalesCases.Figures;
import com.linli.supply.internal.PurchaseOrders;
import com.linli.supply.internal.Suppliers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplier scorecards (DESIGN.md 6): on-time, fill and quality rates from received purchase orders and the
 * complaint rate from after-sales (its cases and product complaints, kept by {@code AfterSalesListener}),
 * weighted into one score; weights, the flag threshold and the complaint scale are settings
 * ({@code linli.supply.score.*}). Quality counts units accepted at receipt less units refunded after sales for
 * quality; the complaint rate is product-caused after-sales units plus product complaints per unit accepted, and
 * enters the score as {@code 1 − rate × complaint-scale} (at least 0: by default 10% complaints score nothing).
 */
@Service
@Transactional(readOnly = true)
public class ScorecardManagement {

	private final PurchaseOrders orders;

	private final Suppliers suppliers;

	private final Clock clock;

	private final double onTimeWeight;

	private final double fillWeight;

	private final double qualityWeight;

	private final double complaintWeight;

	private final double threshold;

	private final double complaintScale;

	private final AfterSalesCases afterSales;

	ScorecardManagement(PurchaseOrders orders, Suppliers suppliers, AfterSalesCases afterSales, Clock clock,
			@Value("${linli.supply.score.weight.on-time:0.3}") double onTimeWeight,
			@Value("${linli.supply.score.weight.fill:0.3}") double fillWeight,
			@Value("${linli.supply.score.weight.quality:0.3}") double qualityWeight,
			@Value("${linli.supply.score.weight.complaint:0.1}") double complaintWeight,
			@Value("${linli.supply.score.threshold:80}") double threshold,
			@Value("${linli.supply.score.complaint-scale:10}") double complaintScale) {
		this.afterSales = afterSales;
		this.complaintScale = complaintScale;
		this.orders = orders;
		this.suppliers = suppliers;
		this.clock = clock;
		this.onTimeWeight = onTimeWeight;
		this.fillWeight = fillWeight;
		this.qualityWeight = qualityWeight;
		this.complaintWeight = complaintWeight;
		this.threshold = threshold;
	}

	public double threshold() {
		return threshold;
	}

	/** How strongly the complaint rate lowers the score: its part is {@code 1 − rate × scale}, at least 0. */
	public double complaintScale() {
		return complaintScale;
	}

	public Map<String, Double> weights() {
		var w = new LinkedHashMap<String, Double>();
		w.put("onTime", onTimeWeight);
		w.put("fill", fillWeight);
		w.put("quality", qualityWeight);
		w.put("complaint", complaintWeight);
		return w;
	}

	/** Every supplier with deliveries in the period containing {@code day}, best score first. */
	public List<Scorecard> ranking(ScorePeriod period, LocalDate day) {
		LocalDate from = period.start(day);
		LocalDate to = period.end(day);
		var bySupplier = new LinkedHashMap<SupplierId, List<PurchaseOrder>>();
		for (PurchaseOrder po : orders.deliveredBetween(null, instant(from), instant(to))) {
			bySupplier.computeIfAbsent(po.supplierId(), k -> new ArrayList<>()).add(po);
		}
		var figures = afterSales.figures(null, instant(from), instant(to), from, to);
		List<Scorecard> cards = new ArrayList<>();
		for (var e : bySupplier.entrySet()) {
			cards.add(card(e.getKey(), e.getValue().get(0).supplierName(), period.label(day), from, to, e.getValue(),
					figures.getOrDefault(e.getKey(), Figures.NONE)));
		}
		cards.sort(Comparator.comparing((Scorecard c) -> c.score() == null ? -1 : c.score()).reversed()
			.thenComparing(Scorecard::supplierName));
		return cards;
	}

	/** The supplier's last {@code count} periods up to the current one, oldest first (periods without deliveries have no data). */
	public List<Scorecard> trend(SupplierId supplier, ScorePeriod period, int count) {
		String name = suppliers.find(supplier).map(Supplier::name).orElse("");
		LocalDate start = period.start(today());
		List<Scorecard> cards = new ArrayList<>();
		for (int i = 0; i < Math.min(Math.max(count, 1), 52); i++) {
			LocalDate to = period.end(start);
			cards.add(card(supplier, name, period.label(start), start, to,
					orders.deliveredBetween(supplier, instant(start), instant(to)),
					afterSales.figures(supplier, instant(start), instant(to), start, to)
						.getOrDefault(supplier, Figures.NONE)));
			start = period.previous(start);
		}
		Collections.reverse(cards);
		return cards;
	}

	/** Each supplier's score over the last 30 days (for choosing between suppliers of the same tier and price). */
	public Map<SupplierId, Double> recentScores() {
		LocalDate to = today().plusDays(1);
		LocalDate from = to.minusDays(30);
		var bySupplier = new HashMap<SupplierId, List<PurchaseOrder>>();
		for (PurchaseOrder po : orders.deliveredBetween(null, instant(from), instant(to))) {
			bySupplier.computeIfAbsent(po.supplierId(), k -> new ArrayList<>()).add(po);
		}
		var figures = afterSales.figures(null, instant(from), instant(to), from, to);
		var scores = new HashMap<SupplierId, Double>();
		bySupplier.forEach((id, list) -> {
			var card = card(id, "", "", from, to, list, figures.getOrDefault(id, Figures.NONE));
			if (card.score() != null) {
				scores.put(id, card.score());
			}
		});
		return scores;
	}

	/**
	 * The card of deliveries {@code pos} with the after-sales {@code figures} of the same goods: quality =
	 * (accepted − refunded for quality) ÷ delivered; complaint rate = complaint units ÷ accepted (null without
	 * deliveries; 0 when nothing was accepted and nobody complained).
	 */
	Scorecard card(SupplierId id, String name, String label, LocalDate from, LocalDate to, List<PurchaseOrder> pos,
			Figures figures) {
		if (pos.isEmpty()) {
			return new Scorecard(id, name, label, from, to, 0, null, null, null, null, null, false);
		}
		int onTime = 0;
		long ordered = 0;
		long delivered = 0;
		long accepted = 0;
		for (PurchaseOrder po : pos) {
			Instant due = po.announcedAt() != null ? po.announcedAt() : po.expectedAt();
			if (po.deliveredAt() != null && !po.deliveredAt().isAfter(due)) {
				onTime++;
			}
			for (PurchaseOrderLine l : po.lines()) {
				ordered += l.ordered();
				int a = l.accepted() == null ? 0 : l.accepted();
				int r = l.rejected() == null ? 0 : l.rejected();
				delivered += a + r;
				accepted += a;
			}
		}
		Double onTimeRate = (double) onTime / pos.size();
		Double fill = ordered == 0 ? null : Math.min(1.0, (double) delivered / ordered);
		Double quality = delivered == 0 ? null
				: (double) Math.max(0, accepted - figures.qualityRefundedUnits()) / delivered;
		Double complaint = accepted == 0 ? (figures.complaintUnits() == 0 ? 0.0 : 1.0)
				: Math.min(1.0, (double) figures.complaintUnits() / accepted);
		double weighted = 0;
		double weights = 0;
		if (onTimeRate != null) {
			weighted += onTimeWeight * onTimeRate;
			weights += onTimeWeight;
		}
		if (fill != null) {
			weighted += fillWeight * fill;
			weights += fillWeight;
		}
		if (quality != null) {
			weighted += qualityWeight * quality;
			weights += qualityWeight;
		}
		if (complaint != null) {
			weighted += complaintWeight * Math.max(0, 1 - complaint * complaintScale);
			weights += complaintWeight;
		}
		Double score = weights == 0 ? null : Math.round(weighted / weights * 1000) / 10.0;
		return new Scorecard(id, name, label, from, to, pos.size(), onTimeRate, fill, quality, complaint, score,
				score != null && score < threshold);
	}

	private Instant instant(LocalDate day) {
		return day.atStartOfDay(clock.getZone()).toInstant();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
