package com.linli.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.inventory.internal.StockLedger;
import com.linli.inventory.internal.Stocktakes;
import com.linli.network.WarehouseId;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stocktakes (盘点): open a count of a warehouse (snapshot of the expected units per batch), enter the
 * counted units, close it. Closing books counted - expected on each counted batch as an ADJUSTMENT
 * movement (never below zero: goods that left during the count cannot be counted away twice), so the
 * ledger keeps summing to on hand. Batches not counted stay as they are.
 */
@Service
@Transactional(readOnly = true)
public class StocktakeManagement {

	private final Stocktakes stocktakes;

	private final StockLedger ledger;

	private final MovementManagement movements;

	private final SkuManagement catalog;

	private final Scope scope;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StocktakeManagement(Stocktakes stocktakes, StockLedger ledger, MovementManagement movements,
			SkuManagement catalog, Scope scope, ApplicationEventPublisher events, Clock clock) {
		this.stocktakes = stocktakes;
		this.ledger = ledger;
		this.movements = movements;
		this.catalog = catalog;
		this.scope = scope;
		this.events = events;
		this.clock = clock;
	}

	/** Opens a count of a warehouse the actor works in; refused while one is open there. */
	@Transactional
	public Stocktake open(WarehouseId warehouse, String note, Actor actor) {
		scope.warehouse(warehouse, "warehouseId", actor);
		String text = Checks.optional("note", note, 200);
		long id = stocktakes.open(warehouse, text, actor.accountIdOrNull(), clock.instant())
			.orElseThrow(() -> new BusinessRuleException("stocktake-open", "warehouseId",
					Text.of("inventory.problem.countWarehouseAlreadyOpen")));
		events.publishEvent(new AdminChange(actor.actedBy(), "inventory.stocktake.open", "warehouse:" + warehouse, "stocktake:" + id));
		return get(id, actor);
	}

	/** A count with its lines, of a warehouse the actor works in. */
	public Stocktake get(long id, Actor actor) {
		var head = stocktakes.find(id).orElseThrow(() -> new NotFoundException("stocktake", id));
		scope.warehouse(head.warehouseId(), "warehouseId", actor);
		var lines = stocktakes.lines(id);
		Map<SkuId, Sku> skus = catalog.skus(lines.stream().map(Stocktakes.Line::skuId).distinct().toList());
		List<StocktakeLine> result = new ArrayList<>();
		for (var l : lines) {
			Sku sku = skus.get(l.skuId());
			result.add(new StocktakeLine(l.batchId(), l.skuId(), sku == null ? "#" + l.skuId() : sku.displayName(),
					l.batchNo(), l.expiresOn(), l.expected(), l.counted(),
					l.unitCostFen() == null ? null : Money.ofFen(l.unitCostFen()), l.adjusted()));
		}
		result.sort(Comparator.comparing(StocktakeLine::skuName).thenComparing(l -> l.batchId().value()));
		return new Stocktake(head.id(), head.warehouseId(), head.status(), head.note(), head.openedAt(),
				head.closedAt(), result);
	}

	/** The latest counts of a warehouse, newest first, without their lines. */
	public List<Stocktake> recent(WarehouseId warehouse, Actor actor) {
		scope.warehouse(warehouse, "warehouseId", actor);
		return stocktakes.recent(warehouse, 20).stream()
			.map(h -> new Stocktake(h.id(), h.warehouseId(), h.status(), h.note(), h.openedAt(), h.closedAt(), List.of()))
			.toList();
	}

	/** Enters (or corrects) the units counted of a batch while the count is open. */
	@Transactional
	public Stocktake count(long id, StockBatchId batch, long counted, Actor actor) {
		Stocktake stocktake = get(id, actor);
		if (counted < 0 || counted > 10_000_000) {
			throw new InvalidInputException("counted", Text.of("inventory.problem.countMustZeroMore"));
		}
		if (!stocktake.isOpen()) {
			throw closed();
		}
		if (!stocktakes.count(id, batch, counted, actor.accountIdOrNull(), clock.instant())) {
			if (stocktakes.find(id).orElseThrow().status() != StocktakeStatus.OPEN) {
				throw closed();
			}
			throw new InvalidInputException("batchId", Text.of("inventory.problem.batchNotOnCount", batch));
		}
		return get(id, actor);
	}

	/** Closes the count and books the variances; a second close is refused. */
	@Transactional
	public Stocktake close(long id, Actor actor) {
		Stocktake stocktake = get(id, actor);
		Instant now = clock.instant();
		// a count closed already is refused as closed (the code callers know), before its status is asked to move
		if (!stocktake.isOpen() || !stocktakes.close(stocktake, actor.accountIdOrNull(), now)) {
			throw closed();
		}
		WarehouseId warehouse = stocktake.warehouseId();
		String ref = "stocktake:" + id;
		long lines = 0;
		var counted = stocktake.lines().stream().filter(l -> l.counted() != null)
			.sorted(Comparator.comparing((StocktakeLine l) -> l.skuId().value()).thenComparing(l -> l.batchId().value()))
			.toList();
		for (StocktakeLine line : counted) {
			Stock stock = ledger.lock(warehouse, line.skuId(), now);
			StockBatch batch = ledger.batch(line.batchId()).orElseThrow();
			long delta = Math.max(line.counted() - line.expected(), -batch.remaining());
			if (delta != 0) {
				if (delta < 0) {
					movements.giveWay(warehouse, line.skuId(), stock, stock.onHand() + delta, now);
				}
				if (!ledger.book(batch, MovementKind.ADJUSTMENT, delta, ref, Text.of("inventory.movement.stocktake", id).stored(), null, actor.accountIdOrNull(),
						now)) {
					throw new IllegalStateException("adjustment refused under lock: batch " + batch.id());
				}
				lines++;
			}
			stocktakes.adjusted(id, line.batchId(), delta);
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "inventory.stocktake.close", "warehouse:" + warehouse,
				"stocktake:" + id + " adjusted lines=" + lines));
		return get(id, actor);
	}

	private static BusinessRuleException closed() {
		return new BusinessRuleException("stocktake-closed", Text.of("inventory.problem.countClosed"));
	}
}
