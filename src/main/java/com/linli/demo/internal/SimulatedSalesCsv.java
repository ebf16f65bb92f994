package com.linli.demo.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.linli.demo.CityGenerator;
import com.linli.demo.CityPlan;
import com.linli.demo.DayRates;
import com.linli.demo.DaySettings;
import com.linli.demo.DemoSettings;
import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.WarehouseId;

/**
 * The demo day simulator's sales history as CSV {@code date,store,item,quantity} (store = pickup point,
 * or region with {@code --by=region}; item = the SKU's barcode), for the forecasting backtest. It runs
 * the simulator's own pure rules without a database: the city of {@link CityGenerator} (communities,
 * residents, the region's listings from {@link ListingPlanner}), every pickup date's plan of
 * {@link DayPlanner} (who orders, with which {@link Baskets} basket, who pays) at the day simulator's
 * default shopper share and {@link DayRates#typical()} rates. A day's units are the lines of the shoppers
 * who pay and keep their order (those who cancel after paying or walk away are not sales), within each
 * listing's stock cap in order time (a resident buying now takes what is left of a sold-out line, one
 * checking out a cart is refused, as {@link ResidentActions} does). Every day lists the region's
 * assortment again (as {@link DayListings} repeats the nearest one); no closed days. Account and pickup
 * point ids are numbered from 1 in plan order (a fresh database would number them the same way only if
 * nothing else were loaded first), so the demand follows the simulator's rules but is not the same
 * draw as a given database's. Deterministic by seed.
 * <pre>
 * java -cp target/classes com.linli.demo.internal.SimulatedSalesCsv sim.csv [--days=200] [--seed=20261123]
 *     [--start=2026-01-01] [--share=0.32] [--by=point|region] [--regions=1]
 * </pre>
 */
public final class SimulatedSalesCsv {

	private SimulatedSalesCsv() {
	}

	public static void main(String[] args) throws IOException {
		int days = 200;
		long seed = DemoSettings.DEFAULT_SEED;
		LocalDate start = LocalDate.of(2026, 1, 1);
		double share = DaySettings.DEFAULT_SHOPPER_SHARE;
		boolean byRegion = false;
		int regions = 1;
		Path out = null;
		for (String arg : args) {
			if (arg.startsWith("--days=")) {
				days = Integer.parseInt(arg.substring(7));
			}
			else if (arg.startsWith("--seed=")) {
				seed = Long.parseLong(arg.substring(7));
			}
			else if (arg.startsWith("--start=")) {
				start = LocalDate.parse(arg.substring(8));
			}
			else if (arg.startsWith("--share=")) {
				share = Double.parseDouble(arg.substring(8));
			}
			else if (arg.startsWith("--regions=")) {
				regions = Integer.parseInt(arg.substring(10));
			}
			else if (arg.startsWith("--by=")) {
				byRegion = arg.substring(5).equals("region");
			}
			else if (out == null && !arg.startsWith("--")) {
				out = Path.of(arg);
			}
			else {
				System.err.println("unknown argument " + arg);
				System.exit(2);
			}
		}
		if (out == null) {
			System.err.println("usage: SimulatedSalesCsv <out.csv> [--days=200] [--seed=S] [--start=yyyy-mm-dd] "
					+ "[--share=0.32] [--by=point|region] [--regions=1]");
			System.exit(2);
		}
		var plan = new CityGenerator().generate(DemoSettings.defaults().withSeed(seed).withRegions(regions));
		try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			write(plan, start, days, share, byRegion, new PrintWriter(writer));
		}
	}

	/** Writes the history of every region of the plan, {@code days} pickup dates from {@code start}. */
	public static void write(CityPlan plan, LocalDate start, int days, double share, boolean byRegion, PrintWriter out) {
		out.println("date,store,item,quantity");
		long nextAccount = 1;
		long nextPoint = 1;
		for (var region : plan.regions()) {
			List<DayPlanner.Point> points = new ArrayList<>();
			List<List<AccountId>> residents = new ArrayList<>();
			for (int c = 0; c < region.communities().size(); c++) {
				residents.add(new ArrayList<>());
			}
			for (var r : region.residents()) {
				residents.get(r.community()).add(new AccountId(nextAccount++));
			}
			for (int c = 0; c < region.communities().size(); c++) {
				var point = region.communities().get(c).pickupPoint();
				points.add(new DayPlanner.Point(new PickupPointId(nextPoint++), new WarehouseId(point.gridWarehouse() + 1),
						point.opensAt(), point.closesAt(), residents.get(c)));
			}
			List<Baskets.Option> options = new ArrayList<>();
			List<String> items = new ArrayList<>();
			for (var l : region.listings()) {
				var product = plan.products().get(l.product());
				var sku = product.skus().get(l.sku());
				options.add(new Baskets.Option(product.name(), product.categoryPath().get(0), l.groupPrice().fen(),
						l.perResidentLimit()));
				items.add(sku.barcode());
			}
			var baskets = new Baskets(options, plan.settings().seed());
			for (int day = 0; day < days; day++) {
				LocalDate date = start.plusDays(day);
				var dayPlan = DayPlanner.plan(date, region.zone(), points, baskets, share, DayRates.typical(),
						plan.settings().seed(), region.code());
				Map<String, Map<String, Integer>> sold = new TreeMap<>();
				int[] left = region.listings().stream().mapToInt(CityPlan.Listing::stockCap).toArray();
				LocalTime cutoff = DayPlanner.CUTOFF;
				for (var shopper : dayPlan.shoppers()) {
					boolean keeps = shopper.fate() == DayPlanner.Fate.PAY
							|| (shopper.fate() == DayPlanner.Fate.PAY_THEN_CANCEL && cancelsAfterCutoff(shopper, region, cutoff));
					if (!keeps) {
						continue;
					}
					if (shopper.viaCart() && shopper.basket().stream().anyMatch(line -> left[line.option()] < line.quantity())) {
						continue;
					}
					String store = byRegion ? region.code() : "P" + points.get(shopper.point()).id().value();
					for (var line : shopper.basket()) {
						int units = Math.min(line.quantity(), left[line.option()]);
						if (units > 0) {
							left[line.option()] -= units;
							sold.computeIfAbsent(store, k -> new TreeMap<>()).merge(items.get(line.option()), units,
									Integer::sum);
						}
					}
				}
				sold.forEach((store, byItem) -> byItem.forEach((item, units) -> out.println(date + "," + store + ","
						+ item + "," + units)));
			}
		}
		out.flush();
	}

	/** A paid order cancelled after the cutoff was in the cutoff's demand. */
	private static boolean cancelsAfterCutoff(DayPlanner.Shopper s, CityPlan.Region region, LocalTime cutoff) {
		var cancelAt = s.orderAt().plus(s.payAfter()).plus(s.cancelAfter());
		return !cancelAt.atZone(region.zone()).toLocalTime().isBefore(cutoff)
				|| !cancelAt.atZone(region.zone()).toLocalDate().equals(s.orderAt().atZone(region.zone()).toLocalDate());
	}
}
