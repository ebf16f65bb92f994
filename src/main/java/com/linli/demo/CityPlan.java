package com.linli.demo;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import com.linli.identity.Role;
import com.linli.shared.Money;

/**
 * A generated demo city as plain data, before it is loaded: no ids, entities refer to each other by
 * their index in the lists. Equal settings give an equal plan.
 */
public record CityPlan(DemoSettings settings, List<Supplier> suppliers, List<Product> products,
		List<Region> regions, List<DemoLogin> logins) {

	public CityPlan {
		suppliers = List.copyOf(suppliers);
		products = List.copyOf(products);
		regions = List.copyOf(regions);
		logins = List.copyOf(logins);
	}

	/** All SKUs of the catalog, in product order. */
	public int skuCount() {
		return products.stream().mapToInt(p -> p.skus().size()).sum();
	}

	public int residentCount() {
		return regions.stream().mapToInt(r -> r.residents().size()).sum();
	}

	public DemoLogin login(Role role) {
		return logins.stream().filter(l -> l.role() == role).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no demo login for " + role));
	}

	/** A city (城市区域) with its warehouses, communities, residents and tomorrow's listings. */
	public record Region(String name, String code, ZoneId zone, double latitude, double longitude,
			List<Warehouse> warehouses, List<Community> communities, List<Resident> residents,
			List<Listing> listings) {

		public Region {
			warehouses = List.copyOf(warehouses);
			communities = List.copyOf(communities);
			residents = List.copyOf(residents);
			listings = List.copyOf(listings);
		}

		public List<Warehouse> gridWarehouses() {
			return warehouses.stream().filter(w -> w.kind() == WarehouseKind.GRID).toList();
		}
	}

	/** A central warehouse (中心仓) receives from suppliers; grid warehouses (网格仓) serve pickup points. */
	public enum WarehouseKind {
		CENTRAL, GRID
	}

	/** A warehouse of the region; {@code address} is within {@code district}. */
	public record Warehouse(WarehouseKind kind, String name, String district, String address, double latitude,
			double longitude) {
	}

	/** A housing community (小区) with its one pickup point and that point's leader. */
	public record Community(String name, String district, String address, double latitude, double longitude,
			int households, PickupPoint pickupPoint, Leader leader) {
	}

	/** {@code gridWarehouse} is an index into the region's warehouses: the nearest grid warehouse. */
	public record PickupPoint(String name, String address, double latitude, double longitude, LocalTime opensAt,
			LocalTime closesAt, int gridWarehouse) {
	}

	/** The group leader (团长) who runs a community's pickup point. */
	public record Leader(String name, String phone) {
	}

	/** {@code community} is an index into the region's communities: the resident collects at its pickup point. */
	public record Resident(String name, String phone, int community) {
	}

	/** A supplier and the person to call there. */
	public record Supplier(String name, String contactName, String contactPhone, String address) {
	}

	/** A product (SPU) with its SKUs; {@code categoryPath} is top level first, {@code supplier} an index. */
	public record Product(List<String> categoryPath, String name, String description, String origin,
			Set<String> seasonalTags, int supplier, List<Sku> skus) {

		public Product {
			categoryPath = List.copyOf(categoryPath);
			seasonalTags = Set.copyOf(seasonalTags);
			skus = List.copyOf(skus);
		}
	}

	/** How a SKU is kept: at room temperature, chilled or frozen. */
	public enum Storage {
		AMBIENT, CHILLED, FROZEN
	}

	/** One sellable unit with its usual group-buy price and the list (划线) price beside it. */
	public record Sku(String spec, String unit, String barcode, Storage storage, int shelfLifeDays, int weightGrams,
			Money groupPrice, Money listPrice) {
	}

	/** A SKU ({@code product} and {@code sku} indexes) offered in the region for tomorrow's pickup. */
	public record Listing(int product, int sku, Money groupPrice, Money listPrice, int stockCap,
			int perResidentLimit) {
	}

	/** A sign-in for one role of the demo; all share one password except the admin (made by identity). */
	public record DemoLogin(Role role, String phone, String displayName, String password) {
	}
}
