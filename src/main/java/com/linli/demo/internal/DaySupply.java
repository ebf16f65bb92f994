package com.linli.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.linli.fulfilment.CutoffRun;
import com.linli.identity.Actor;
import com.linli.shared.Money;
import com.linli.supply.PurchaseOrder;
import com.linli.supply.PurchaseOrderId;
import com.linli.supply.PurchaseOrderLine;
import com.linli.supply.PurchaseOrderDraftingManagement;
import com.linli.supply.PurchaseOrderManagement;
import com.linli.supply.PurchaseOrderStatus;
import com.linli.supply.ReceiptLine;
import com.linli.supply.ReceivingManagement;
import com.linli.supply.RejectReason;
import com.linli.supply.SettlementManagement;
import com.linli.supply.SupplierConfirmationManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The supply side of a simulated day, through supply's API: after the cutoff the day's purchase orders are
 * drafted and sent, each supplier confirms (about one line in eight short) and announces its delivery between
 * 02:30 and 04:00; the goods arrive around the announced time (some late) and the central warehouse receives
 * them, turning a few units away for quality or damage. What did not come is refunded to residents by supply.
 */
@Component
public class DaySupply {

	private static final Logger log = LoggerFactory.getLogger(DaySupply.class);

	static final LocalTime SEND = LocalTime.of(0, 20);

	static final LocalTime LAST_RECEIPT = LocalTime.of(4, 50);

	/** The simulator acts as the platform itself. */
	private static final Actor DEMO = Actor.system("demo");

	private static final DateTimeFormatter BATCH = DateTimeFormatter.ofPattern("yyMMdd");

	private final PurchaseOrderManagement orders;

	private final PurchaseOrderDraftingManagement drafting;

	private final SupplierConfirmationManagement confirmations;

	private final ReceivingManagement receiving;

	private final SettlementManagement settlement;

	DaySupply(PurchaseOrderManagement orders, PurchaseOrderDraftingManagement drafting,
			SupplierConfirmationManagement confirmations, ReceivingManagement receiving, SettlementManagement settlement) {
		this.orders = orders;
		this.drafting = drafting;
		this.confirmations = confirmations;
		this.receiving = receiving;
		this.settlement = settlement;
	}

	/** One purchase order's day: when it is sent (and answered) and when its goods arrive. */
	public record Delivery(PurchaseOrderId id, Instant sendAt, Instant arriveAt) {
	}

	/** Drafts the run's purchase orders now and plans each one's send, confirmation and arrival. */
	public List<Delivery> afterCutoff(CutoffRun run, ZoneId zone, long seed) {
		List<PurchaseOrder> drafted;
		try {
			drafted = drafting.draftForRun(run.id()).orders();
			if (drafted.isEmpty()) {
				drafted = orders.ofRun(run.id().value());
			}
		}
		catch (RuntimeException e) {
			log.warn("Day simulator: no purchase orders for cutoff run {}: {}", run.id(), e.getMessage());
			return List.of();
		}
		LocalDate day = run.pickupDate();
		List<Delivery> plan = new ArrayList<>();
		int i = 0;
		for (PurchaseOrder po : drafted) {
			if (po.status() != PurchaseOrderStatus.DRAFT) {
				continue;
			}
			Random random = random(seed, po);
			Instant send = day.atTime(SEND).plusMinutes(2L * i++).atZone(zone).toInstant();
			Instant announced = day.atTime(LocalTime.of(2, 30)).plusMinutes(random.nextInt(91)).atZone(zone).toInstant();
			Instant arrive = announced.plus(Duration.ofMinutes(random.nextInt(66) - 20));
			Instant last = day.atTime(LAST_RECEIPT).atZone(zone).toInstant();
			plan.add(new Delivery(po.id(), send, arrive.isAfter(last) ? last : arrive));
		}
		return plan;
	}

	/** The operator sends the order; the supplier confirms it (a line short now and then) and announces the arrival. */
	public void send(Delivery delivery, long seed) {
		try {
			var po = orders.send(delivery.id(), DEMO);
			Random random = random(seed, po);
			Map<Long, Integer> quantities = new HashMap<>();
			for (PurchaseOrderLine line : po.lines()) {
				if (random.nextInt(8) == 0 && line.ordered() > 1) {
					quantities.put(line.id(), line.ordered() - Math.max(1, line.ordered() * (10 + random.nextInt(30)) / 100));
				}
			}
			confirmations.confirm(po.supplierId(), po.id(), quantities, DEMO);
			// most suppliers announce a time they keep; one in five arrives a little late
			Instant announced = random.nextInt(5) == 0 ? delivery.arriveAt().minus(Duration.ofMinutes(5 + random.nextInt(30)))
					: delivery.arriveAt().plus(Duration.ofMinutes(random.nextInt(30)));
			confirmations.announce(po.supplierId(), po.id(), announced);
		}
		catch (RuntimeException e) {
			log.warn("Day simulator: purchase order {} not sent: {}", delivery.id(), e.getMessage());
		}
	}

	/** Units of residents' orders refunded because they did not come, and the amount. */
	public record Shortfall(int units, Money refunded) {
	}

	/**
	 * The goods arrive: every line received, a few units rejected; then the supplier's statement is brought up
	 * to date. Answers what was refunded to residents for units that did not come.
	 */
	public Shortfall receive(Delivery delivery, long seed) {
		try {
			var po = orders.get(delivery.id());
			if (po.status() != PurchaseOrderStatus.CONFIRMED && po.status() != PurchaseOrderStatus.SENT) {
				return new Shortfall(0, Money.ZERO);
			}
			Random random = new Random(seed * 7919 + po.id().value());
			String day = BATCH.format(po.pickupDate());
			List<ReceiptLine> lines = new ArrayList<>();
			for (PurchaseOrderLine line : po.lines()) {
				int due = line.toDeliver();
				if (line.received() || due == 0) {
					continue;
				}
				int rejected = random.nextInt(12) == 0 ? Math.min(due, 1 + random.nextInt(Math.max(1, due / 10))) : 0;
				RejectReason reason = rejected == 0 ? null : random.nextBoolean() ? RejectReason.QUALITY : RejectReason.DAMAGE;
				lines.add(new ReceiptLine(line.id(), due - rejected, rejected, reason, "SIM" + day + "-" + line.id(),
						po.pickupDate().minusDays(1 + random.nextInt(2))));
			}
			receiving.receive(po.id(), lines, null, Actor.system("demo"));
			settlement.drawUp(DEMO, po.supplierId(), po.pickupDate());
			int units = 0;
			Money refunded = Money.ZERO;
			for (var shortage : orders.shortages(po.id())) {
				units += shortage.refundedUnits();
				refunded = refunded.plus(shortage.refunded());
			}
			return new Shortfall(units, refunded);
		}
		catch (RuntimeException e) {
			log.warn("Day simulator: purchase order {} not received: {}", delivery.id(), e.getMessage());
			return new Shortfall(0, Money.ZERO);
		}
	}

	private static Random random(long seed, PurchaseOrder po) {
		return new Random(seed * 31 + po.id().value());
	}
}
