package com.linli.aftersales.internal.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.linli.catalog.ProductId;
import com.linli.catalog.ProductManagement;
import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.network.KeeperManagement;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.ordering.OrderSalesFigures;
import com.linli.ordering.OrderSalesFigures.Sold;
import com.linli.shared.InvalidInputException;
import com.linli.shared.SupplierDirectory;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After-sales refund figures of a region and a period for staff (operators: only their regions): by product
 * (SKU), supplier, leader (pickup point) and reason, and by day, each with its refund rate. The denominators come
 * from ordering ({@link OrderSalesFigures}); a supplier's are the units of the SKUs whose product it supplies by
 * default (the catalog's supplier of the product).
 */
@Service
@Transactional(readOnly = true)
public class RefundReports {

	/** The longest period a report covers. */
	static final int MAX_DAYS = 366;

	private final RequestFigureQueries requests;

	private final OrderSalesFigures sales;

	private final RegionManagement regions;

	private final PickupPointManagement pickupPoints;

	private final KeeperManagement keepers;

	private final AccountManagement accounts;

	private final SkuManagement skus;

	private final ProductManagement products;

	private final SupplierDirectory suppliers;

	private final long minUnits;

	RefundReports(RequestFigureQueries requests, OrderSalesFigures sales, RegionManagement regions,
			PickupPointManagement pickupPoints, KeeperManagement keepers, AccountManagement accounts, SkuManagement skus,
			ProductManagement products, SupplierDirectory suppliers,
			@Value("${linli.aftersales.reports.top-min-units:20}") long minUnits) {
		this.requests = requests;
		this.sales = sales;
		this.regions = regions;
		this.pickupPoints = pickupPoints;
		this.keepers = keepers;
		this.accounts = accounts;
		this.skus = skus;
		this.products = products;
		this.suppliers = suppliers;
		this.minUnits = minUnits;
	}

	/** The report; 403 outside the actor's regions, 400 for a period that ends before it starts or is too long. */
	public RefundFigures report(Actor actor, RegionId regionId, LocalDate from, LocalDate to) {
		if (regionId == null) {
			throw new InvalidInputException("regionId", Text.of("aftersales.problem.reportRegionRequired"));
		}
		actor.checkRegion(regionId.value());
		checkPeriod(from, to);
		Region region = regions.getRegion(regionId);
		ZoneId zone = region.zone();
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		long r = regionId.value();

		List<Sold> bySku = sales.bySku(regionId, from, to);
		Map<Long, Sold> skuSold = index(bySku);
		Map<Long, Sold> pointSold = index(sales.byPickupPoint(regionId, from, to));
		Map<Long, Sold> daySold = index(sales.byDay(regionId, from, to));

		// products (SKUs) with requests
		List<RefundFigures.Row> productRows = requests.rows(RequestFigureQueries.By.SKU, r, start, end, zone).stream()
			.map(row -> withSold(row, skuSold.get(Long.parseLong(row.key()))))
			.toList();
		List<RefundFigures.Row> top = productRows.stream()
			.filter(row -> row.soldUnits() >= minUnits && row.unitRate() != null)
			.sorted(Comparator.comparing(RefundFigures.Row::unitRate).reversed()
				.thenComparing(RefundFigures.Row::units, Comparator.reverseOrder()))
			.limit(10)
			.toList();

		// suppliers: requests by the supplier the goods came from; sales by the products' default supplier
		Map<Long, long[]> supplierSold = supplierSales(bySku);
		List<RefundFigures.Row> supplierRows = requests.rows(RequestFigureQueries.By.SUPPLIER, r, start, end, zone)
			.stream()
			.map(row -> {
				long id = Long.parseLong(row.key());
				long[] sold = supplierSold.getOrDefault(id, new long[2]);
				String name = id == 0 ? null
						: suppliers.find(new SupplierId(id)).map(SupplierDirectory.Entry::name).orElse("#" + id);
				return row.withSold(sold[0], sold[1]).named(name, null);
			})
			.toList();

		// leaders: the pickup point and who keeps it
		List<RefundFigures.Row> pointRows = requests.rows(RequestFigureQueries.By.PICKUP_POINT, r, start, end, zone);
		List<PickupPointId> pointIds = pointRows.stream().map(row -> new PickupPointId(Long.parseLong(row.key())))
			.toList();
		Map<PickupPointId, PickupPoint> points = pointIds.isEmpty() ? Map.of() : pickupPoints.pickupPoints(pointIds);
		Map<PickupPointId, AccountId> keeperIds = keepers.keepersOf(pointIds);
		Map<AccountId, String> keeperNames = keeperIds.isEmpty() ? Map.of()
				: accounts.getAll(keeperIds.values()).stream()
					.collect(Collectors.toMap(Account::id, Account::displayName, (a, b) -> a));
		List<RefundFigures.Row> leaderRows = pointRows.stream().map(row -> {
			var id = new PickupPointId(Long.parseLong(row.key()));
			PickupPoint point = points.get(id);
			AccountId keeper = keeperIds.get(id);
			return withSold(row, pointSold.get(id.value())).named(point == null ? "#" + id.value() : point.name(),
					keeper == null ? null : keeperNames.get(keeper));
		}).toList();

		// reasons: over everything sold in the region
		long soldUnits = bySku.stream().mapToLong(Sold::units).sum();
		long paidFen = bySku.stream().mapToLong(Sold::paidFen).sum();
		List<RefundFigures.Row> reasonRows = requests.rows(RequestFigureQueries.By.REASON, r, start, end, zone).stream()
			.map(row -> row.withSold(soldUnits, paidFen).named(row.key(), null))
			.sorted(Comparator.comparing(RefundFigures.Row::requests).reversed())
			.toList();

		// every day of the period, with or without requests
		Map<String, RefundFigures.Row> dayRows = requests.rows(RequestFigureQueries.By.DAY, r, start, end, zone).stream()
			.collect(Collectors.toMap(RefundFigures.Row::key, Function.identity()));
		List<RefundFigures.Row> days = new ArrayList<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			RefundFigures.Row row = dayRows.getOrDefault(d.toString(),
					new RefundFigures.Row(d.toString(), null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0));
			days.add(withSold(row, daySold.get(d.toEpochDay())).named(d.toString(), null));
		}

		RefundFigures.Row total = new RefundFigures.Row("total", null, null,
				sum(reasonRows, RefundFigures.Row::requests), sum(reasonRows, RefundFigures.Row::units),
				sum(reasonRows, RefundFigures.Row::refundedFen), sum(reasonRows, RefundFigures.Row::replacedFen),
				sum(reasonRows, RefundFigures.Row::quick), sum(reasonRows, RefundFigures.Row::rejected),
				sum(reasonRows, RefundFigures.Row::withdrawn), soldUnits, paidFen);
		var summary = new RefundFigures.Summary(total, RefundFigures.rate(total.quick(), total.requests()),
				requests.medianDecisionSeconds(r, start, end));
		return new RefundFigures(r, region.name(), from, to, summary, productRows, top, minUnits, supplierRows,
				leaderRows, reasonRows, days);
	}

	static void checkPeriod(LocalDate from, LocalDate to) {
		if (from == null) {
			throw new InvalidInputException("from", Text.of("aftersales.problem.reportPeriod"));
		}
		if (to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw new InvalidInputException("to", Text.of("aftersales.problem.reportPeriod"));
		}
	}

	private static RefundFigures.Row withSold(RefundFigures.Row row, Sold sold) {
		return sold == null ? row : row.withSold(sold.units(), sold.paidFen());
	}

	private static Map<Long, Sold> index(List<Sold> sold) {
		Map<Long, Sold> m = new HashMap<>();
		sold.forEach(s -> m.put(s.key(), s));
		return m;
	}

	private static long sum(List<RefundFigures.Row> rows, java.util.function.ToLongFunction<RefundFigures.Row> f) {
		return rows.stream().mapToLong(f).sum();
	}

	/** Units and paid fen by default supplier of the SKUs' products. */
	private Map<Long, long[]> supplierSales(List<Sold> bySku) {
		if (bySku.isEmpty()) {
			return Map.of();
		}
		Map<SkuId, Sku> found = skus.skus(bySku.stream().map(s -> new SkuId(s.key())).toList());
		Map<ProductId, Long> supplierOfProduct = new LinkedHashMap<>();
		Map<Long, long[]> out = new HashMap<>();
		for (Sold s : bySku) {
			Sku sku = found.get(new SkuId(s.key()));
			if (sku == null) {
				continue;
			}
			Long supplier = supplierOfProduct.computeIfAbsent(sku.productId(), p -> {
				SupplierId id = products.getProduct(p).supplierId();
				return id == null ? 0L : id.value();
			});
			long[] acc = out.computeIfAbsent(Objects.requireNonNull(supplier), k -> new long[2]);
			acc[0] += s.units();
			acc[1] += s.paidFen();
		}
		return out;
	}
}
