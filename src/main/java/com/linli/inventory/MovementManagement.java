package com.linli.inventory;

import java.time.Clock;
import java.time.Instant;

import com.linli.identity.Actor;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.inventory.internal.Fefo;
import com.linli.inventory.internal.Reservations;
import com.linli.inventory.internal.StockLedger;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Goods moving inside the platform: transfers between warehouses of a region, sales, returns, damage.
 * Each takes the stock row locks (in warehouse, SKU order), picks batches first-expiry-first-out and books
 * one ledger row per batch. A movement never takes reserved units and is refused, whole, when the units
 * are not there. A {@code reference} makes a request idempotent: applied once, whatever the retries.
 */
@Service
@Transactional(readOnly = true)
public class MovementManagement {

	private final StockLedger ledger;

	private final Reservations reservations;

	private final Scope scope;

	private final SkuManagement catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MovementManagement(StockLedger ledger, Reservations reservations, Scope scope, SkuManagement catalog,
			ApplicationEventPublisher events, Clock clock) {
		this.ledger = ledger;
		this.reservations = reservations;
		this.scope = scope;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/** Moves available units from one warehouse to another of the same region (central -> grid), FEFO. */
	@Transactional
	public void transfer(WarehouseId from, WarehouseId to, SkuId sku, long quantity, String reference, Actor actor) {
		Warehouse source = scope.warehouse(from, "fromWarehouseId", actor);
		Warehouse target = scope.warehouse(to, "toWarehouseId", actor);
		if (source.id().equals(target.id())) {
			throw new InvalidInputException("toWarehouseId", Text.of("inventory.problem.chooseAnotherWarehouseMove"));
		}
		if (!source.regionId().equals(target.regionId())) {
			throw new InvalidInputException("toWarehouseId",
					Text.of("inventory.problem.transfersStayWithinOneRegion"));
		}
		checkSku(sku);
		checkQuantity(quantity);
		String ref = Checks.optional("reference", reference, 80);
		Instant now = clock.instant();
		if (!firstTime(ref, now)) {
			return;
		}
		lockInOrder(from, to, sku, now);
		Stock stock = ledger.find(from, sku).orElseThrow();
		if (stock.available() < quantity) {
			throw short_(stock, quantity);
		}
		move(from, to, sku, quantity, ref, now, actor);
		audit("inventory.transfer", from, sku, quantity + " -> warehouse " + to, actor);
	}

	/** Goods sold out of a warehouse (FEFO); refused when fewer units are available. */
	@Transactional
	public void sell(WarehouseId warehouse, SkuId sku, long quantity, String reference, Actor actor) {
		scope.warehouse(warehouse, "warehouseId", actor);
		checkSku(sku);
		checkQuantity(quantity);
		String ref = Checks.optional("reference", reference, 80);
		Instant now = clock.instant();
		if (!firstTime(ref, now)) {
			return;
		}
		Stock stock = ledger.lock(warehouse, sku, now);
		if (stock.available() < quantity) {
			throw short_(stock, quantity);
		}
		takeOut(warehouse, sku, quantity, MovementKind.SALE, ref, null, null, now, actor);
	}

	/**
	 * Goods come back into a warehouse (a resident's return, goods back from a pickup point) into the given
	 * batch, or the batch of the SKU there that expires last; never more than left that batch.
	 */
	@Transactional
	public void returnGoods(WarehouseId warehouse, SkuId sku, long quantity, StockBatchId batchId, String reason,
			String reference, Actor actor) {
		scope.warehouse(warehouse, "warehouseId", actor);
		checkSku(sku);
		checkQuantity(quantity);
		String why = Checks.optional("reason", reason, 200);
		String ref = Checks.optional("reference", reference, 80);
		Instant now = clock.instant();
		if (!firstTime(ref, now)) {
			return;
		}
		ledger.lock(warehouse, sku, now);
		StockBatch batch = batchId != null ? batchOf(warehouse, sku, batchId)
				: ledger.latestExpiring(warehouse, sku).orElseThrow(() -> new BusinessRuleException("no-batch", "skuId",
						Text.of("inventory.problem.warehouseNeverHeldBatchSku")));
		if (batch.received() - batch.remaining() < quantity) {
			throw new BusinessRuleException("return-exceeds-batch", "quantity", Text.of("inventory.problem.returnExceedsBatch", batch.received() - batch.remaining(), batch.batchNo()));
		}
		// a return into a batch undoes part of what left it: its 'received' stays, 'remaining' grows
		book(batch, MovementKind.RETURN, quantity, ref, why, null, now, actor);
		audit("inventory.return", warehouse, sku, quantity + " batch " + batch.batchNo(), actor);
	}

	/**
	 * Units found damaged, spoiled or lost (报损), with the reason: from the given batch or FEFO. Damage may
	 * take reserved units (the goods are gone); reservations then give way, newest first.
	 */
	@Transactional
	public void damage(WarehouseId warehouse, SkuId sku, long quantity, StockBatchId batchId, String reason,
			String reference, Actor actor) {
		scope.warehouse(warehouse, "warehouseId", actor);
		checkSku(sku);
		checkQuantity(quantity);
		String why = Checks.text("reason", reason, 200);
		String ref = Checks.optional("reference", reference, 80);
		Instant now = clock.instant();
		if (!firstTime(ref, now)) {
			return;
		}
		Stock stock = ledger.lock(warehouse, sku, now);
		if (stock.onHand() < quantity) {
			throw new BusinessRuleException("insufficient-stock", "quantity", Text.of("inventory.problem.onHandOnly", stock.onHand()));
		}
		if (batchId != null) {
			StockBatch batch = batchOf(warehouse, sku, batchId);
			if (batch.remaining() < quantity) {
				throw new BusinessRuleException("batch-short", "quantity", Text.of("inventory.problem.batchHoldsOnly", batch.batchNo(), batch.remaining()));
			}
		}
		giveWay(warehouse, sku, stock, stock.onHand() - quantity, now);
		if (batchId != null) {
			book(batchOf(warehouse, sku, batchId), MovementKind.DAMAGE, -quantity, ref, why, null, now, actor);
		}
		else {
			takeOut(warehouse, sku, quantity, MovementKind.DAMAGE, ref, why, null, now, actor);
		}
		audit("inventory.damage", warehouse, sku, quantity + " " + why, actor);
	}

	/** Trims reservations (newest first) so that no more than {@code newOnHand} units are reserved. */
	void giveWay(WarehouseId warehouse, SkuId sku, Stock stock, long newOnHand, Instant now) {
		long excess = stock.reserved() - newOnHand;
		for (var row : reservations.holding(warehouse, sku)) {
			if (excess <= 0) {
				break;
			}
			long cut = Math.min(excess, row.held());
			reservations.consume(row.reference(), sku, cut, now);
			ledger.addReserved(warehouse, sku, -cut, now);
			excess -= cut;
		}
	}

	/** Moves up to {@code quantity} units FEFO from one warehouse to another; callers hold both locks. */
	long move(WarehouseId from, WarehouseId to, SkuId sku, long quantity, String ref, Instant now, Actor actor) {
		long moved = 0;
		for (var pick : Fefo.pick(ledger.fefo(from, sku), quantity)) {
			StockBatch source = pick.batch();
			book(source, MovementKind.TRANSFER_OUT, -pick.units(), ref, null, to, now, actor);
			StockBatchId target = ledger.batchFromOrigin(to, source, ledger.originOf(source.id()), now);
			book(ledger.batch(target).orElseThrow(), MovementKind.TRANSFER_IN, pick.units(), ref, null, from, now, actor);
			moved += pick.units();
		}
		return moved;
	}

	/** Takes up to {@code quantity} units out FEFO; callers hold the lock. */
	long takeOut(WarehouseId warehouse, SkuId sku, long quantity, MovementKind kind, String ref, String reason,
			WarehouseId other, Instant now, Actor actor) {
		var picks = Fefo.pick(ledger.fefo(warehouse, sku), quantity);
		for (var pick : picks) {
			book(pick.batch(), kind, -pick.units(), ref, reason, other, now, actor);
		}
		return Fefo.total(picks);
	}

	void lockInOrder(WarehouseId a, WarehouseId b, SkuId sku, Instant now) {
		if (a.value() < b.value()) {
			ledger.lock(a, sku, now);
			ledger.lock(b, sku, now);
		}
		else {
			ledger.lock(b, sku, now);
			ledger.lock(a, sku, now);
		}
	}

	private void book(StockBatch batch, MovementKind kind, long quantity, String ref, String reason, WarehouseId other,
			Instant now, Actor actor) {
		if (!ledger.book(batch, kind, quantity, ref, reason, other, actor.accountIdOrNull(), now)) {
			throw new BusinessRuleException("insufficient-stock", "quantity",
					Text.of("inventory.problem.batchShort", batch.batchNo()));
		}
	}

	private StockBatch batchOf(WarehouseId warehouse, SkuId sku, StockBatchId id) {
		return ledger.batch(id).filter(b -> b.warehouseId().equals(warehouse) && b.skuId().equals(sku))
			.orElseThrow(() -> new InvalidInputException("batchId",
					Text.of("inventory.problem.notBatchHere", id)));
	}

	private boolean firstTime(String ref, Instant now) {
		return ref == null || ledger.firstTime(ref, now);
	}

	private void checkSku(SkuId sku) {
		if (sku == null) {
			throw new InvalidInputException("skuId", Text.of("inventory.problem.chooseSku2"));
		}
		try {
			catalog.getSku(sku);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("skuId", Text.of("inventory.problem.skuMissing", sku));
		}
	}

	private static void checkQuantity(long quantity) {
		if (quantity <= 0) {
			throw new InvalidInputException("quantity", Text.of("inventory.problem.quantityMustAboveZero"));
		}
		if (quantity > 1_000_000) {
			throw new InvalidInputException("quantity", Text.of("inventory.problem.quantityTooLarge"));
		}
	}

	static BusinessRuleException short_(Stock stock, long quantity) {
		return new BusinessRuleException("insufficient-stock", "quantity", Text.of("inventory.problem.availableOnly", stock.available(), quantity));
	}

	private void audit(String action, WarehouseId warehouse, SkuId sku, String detail, Actor actor) {
		// staff moving goods is an audited change; the platform's own moves (dispatch, sales) are not
		if (!actor.isSystem()) {
			events.publishEvent(new AdminChange(actor.actedBy(), action, "warehouse:" + warehouse, "sku:" + sku + " " + detail));
		}
	}
}
