package com.linli.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import com.linli.inventory.internal.StockFigureQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock flows of a set of warehouses (a region's) by day (platform zone), valued at their batches' unit cost: the
 * cost of goods sold, the units and value written off (damaged or expired), and the net change of stock value; plus
 * the stock value now, from which the value at the end of any earlier day follows. For waste and turnover days.
 * Movements of batches without a unit cost count as units, at no value.
 */
@Service
@Transactional(readOnly = true)
public class StockFigures {

	private final StockFigureQueries queries;

	StockFigures(StockFigureQueries queries) {
		this.queries = queries;
	}

	/** One day's flows (fen; units positive). */
	public record Day(LocalDate date, long soldUnits, long soldCostFen, long wasteUnits, long wasteFen, long netValueFen) {
	}

	/** One write-off, for the list behind the waste number. */
	public record WriteOff(long movementId, Instant at, long warehouseId, long skuId, long units, long valueFen,
			String reason) {
	}

	public List<Day> byDay(Collection<Long> warehouseIds, LocalDate from, LocalDate to) {
		return queries.byDay(warehouseIds, from, to);
	}

	/** The value (fen) of the stock on hand in the warehouses now. */
	public long valueNow(Collection<Long> warehouseIds) {
		return queries.valueNow(warehouseIds);
	}

	public List<WriteOff> writeOffs(Collection<Long> warehouseIds, LocalDate from, LocalDate to) {
		return queries.writeOffs(warehouseIds, from, to);
	}
}
