package com.linli.inventory.internal.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.inventory.AlertKind;
import com.linli.inventory.AlertManagement;
import com.linli.inventory.ClearanceManagement;
import com.linli.inventory.MovementManagement;
import com.linli.inventory.StockAlert;
import com.linli.inventory.StockBatchId;
import com.linli.inventory.StockManagement;
import com.linli.inventory.Stocktake;
import com.linli.inventory.StocktakeManagement;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Inventory pages for the console (/console/inventory, operators) and the warehouse screens
 * (/warehouse/inventory, warehouse staff too): stock per warehouse, a SKU's batches and ledger, the movement
 * form, stocktakes with tablet-friendly count entry, and alerts with their clearance suggestions.
 */
@Controller
@RequestMapping({ "/console/inventory", "/warehouse/inventory" })
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
class InventoryPageController {

	static final int PAGE_SIZE = 50;

	private final StockManagement stock;

	private final MovementManagement movements;

	private final StocktakeManagement stocktakes;

	private final AlertManagement alerts;

	private final ClearanceManagement clearances;

	private final SkuManagement catalog;

	InventoryPageController(StockManagement stock, MovementManagement movements, StocktakeManagement stocktakes,
			AlertManagement alerts, ClearanceManagement clearances, SkuManagement catalog) {
		this.stock = stock;
		this.movements = movements;
		this.stocktakes = stocktakes;
		this.alerts = alerts;
		this.clearances = clearances;
		this.catalog = catalog;
	}

	@ModelAttribute("base")
	String base(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/warehouse") ? "/warehouse/inventory" : "/console/inventory";
	}

	@GetMapping
	String stock(@RequestParam(required = false) Long warehouseId, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model, Actor actor) {
		Warehouse warehouse = chosen(warehouseId, model, actor);
		if (warehouse != null) {
			var result = stock.stockOf(warehouse.id(), q, page, PAGE_SIZE, actor);
			model.addAttribute("result", result);
			model.addAttribute("skus", names(result.items().stream().map(l -> l.stock().skuId()).toList()));
			model.addAttribute("badges", alerts.openKinds(warehouse.id()));
		}
		model.addAttribute("q", q);
		return "inventory/stock";
	}

	@GetMapping("/{warehouseId}/{skuId}")
	String detail(@PathVariable long warehouseId, @PathVariable long skuId, Model model, Actor actor) {
		WarehouseId w = new WarehouseId(warehouseId);
		SkuId sku = new SkuId(skuId);
		chosen(warehouseId, model, actor);
		model.addAttribute("sku", catalog.getSku(sku));
		model.addAttribute("stock", stock.stock(w, sku));
		model.addAttribute("ledgerSum", stock.ledgerSum(w, sku, actor));
		model.addAttribute("batches", stock.batches(w, sku, actor));
		model.addAttribute("movements", stock.movements(w, sku, 200, actor));
		model.addAttribute("badges", alerts.openKinds(w).getOrDefault(sku, Set.of()));
		return "inventory/stock-detail";
	}

	@GetMapping("/movements")
	String movementForm(@RequestParam(required = false) Long warehouseId, @RequestParam(required = false) Long skuId,
			@RequestParam(defaultValue = "TRANSFER") String kind, Model model, Actor actor) {
		Warehouse warehouse = chosen(warehouseId, model, actor);
		if (warehouse != null) {
			var inStock = stock.stockOf(warehouse.id(), null, 0, 200, actor).items();
			model.addAttribute("stockSkus", names(inStock.stream().map(l -> l.stock().skuId()).toList()));
			model.addAttribute("stockLines", inStock);
		}
		model.addAttribute("kind", kind);
		model.addAttribute("skuId", skuId);
		return "inventory/movements";
	}

	@PostMapping("/movements")
	String move(@RequestParam String kind, @RequestParam(required = false) Long warehouseId,
			@RequestParam(required = false) Long toWarehouseId, @RequestParam(required = false) Long skuId,
			@RequestParam(required = false) Long quantity, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String reference, @ModelAttribute("base") String base,
			RedirectAttributes redirect, Actor actor) {
		try {
			WarehouseId w = warehouseId == null ? null : new WarehouseId(warehouseId);
			SkuId sku = skuId == null ? null : new SkuId(skuId);
			long units = quantity == null ? 0 : quantity;
			switch (kind) {
				case "TRANSFER" -> movements.transfer(w, toWarehouseId == null ? null : new WarehouseId(toWarehouseId), sku,
						units, reference, actor);
				case "DAMAGE" -> movements.damage(w, sku, units, null, reason, reference, actor);
				case "RETURN" -> movements.returnGoods(w, sku, units, null, reason, reference, actor);
				default -> throw new InvalidInputException("kind", Text.of("inventory.problem.unknownMovementKind"));
			}
			redirect.addFlashAttribute("saved", true);
			return "redirect:" + base + "/" + warehouseId + "/" + skuId;
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
			return "redirect:" + base + "/movements?kind=" + kind + (warehouseId == null ? "" : "&warehouseId=" + warehouseId)
					+ (skuId == null ? "" : "&skuId=" + skuId);
		}
	}

	@GetMapping("/stocktakes")
	String stocktakes(@RequestParam(required = false) Long warehouseId, Model model, Actor actor) {
		Warehouse warehouse = chosen(warehouseId, model, actor);
		if (warehouse != null) {
			model.addAttribute("stocktakes", stocktakes.recent(warehouse.id(), actor));
		}
		return "inventory/stocktakes";
	}

	@PostMapping("/stocktakes")
	String openStocktake(@RequestParam(required = false) Long warehouseId, @RequestParam(required = false) String note,
			@ModelAttribute("base") String base, RedirectAttributes redirect, Actor actor) {
		try {
			Stocktake s = stocktakes.open(warehouseId == null ? null : new WarehouseId(warehouseId), note, actor);
			return "redirect:" + base + "/stocktakes/" + s.id();
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
			return "redirect:" + base + "/stocktakes" + (warehouseId == null ? "" : "?warehouseId=" + warehouseId);
		}
	}

	@GetMapping("/stocktakes/{id}")
	String stocktake(@PathVariable long id, Model model, Actor actor) {
		Stocktake s = stocktakes.get(id, actor);
		chosen(s.warehouseId().value(), model, actor);
		model.addAttribute("stocktake", s);
		return "inventory/stocktake";
	}

	/** Saves every count entered on the page (fields {@code counted_<batchId>}; blank = not counted yet). */
	@PostMapping("/stocktakes/{id}")
	String count(@PathVariable long id, @RequestParam Map<String, String> form,
			@RequestParam(defaultValue = "save") String action, @ModelAttribute("base") String base,
			RedirectAttributes redirect, Actor actor) {
		try {
			for (var entry : form.entrySet()) {
				if (!entry.getKey().startsWith("counted_") || entry.getValue() == null || entry.getValue().isBlank()) {
					continue;
				}
				long batch = Long.parseLong(entry.getKey().substring("counted_".length()));
				long counted;
				try {
					counted = Long.parseLong(entry.getValue().strip());
				}
				catch (NumberFormatException e) {
					throw new InvalidInputException("counted", Text.of("inventory.problem.wholeNumber", entry.getValue()));
				}
				stocktakes.count(id, new StockBatchId(batch), counted, actor);
			}
			if ("close".equals(action)) {
				stocktakes.close(id, actor);
			}
			redirect.addFlashAttribute("saved", true);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:" + base + "/stocktakes/" + id;
	}

	@GetMapping("/alerts")
	String alerts(@RequestParam(required = false) AlertKind kind, @RequestParam(defaultValue = "true") boolean open,
			@RequestParam(defaultValue = "0") int page, Model model, Actor actor) {
		var result = alerts.search(open, kind, null, page, PAGE_SIZE, actor);
		model.addAttribute("result", result);
		model.addAttribute("kinds", AlertKind.values());
		model.addAttribute("kind", kind);
		model.addAttribute("open", open);
		model.addAttribute("clearances", clearances.forAlerts(result.items().stream().map(StockAlert::id).toList()));
		List<SkuId> skuIds = new java.util.ArrayList<>(result.items().stream().map(StockAlert::skuId).toList());
		model.addAttribute("skus", names(skuIds));
		Map<Long, Warehouse> warehouses = new HashMap<>();
		stock.warehouses(actor).forEach(w -> warehouses.put(w.id().value(), w));
		model.addAttribute("warehouseNames", warehouses);
		model.addAttribute("settings", alerts.settings());
		return "inventory/alerts";
	}

	@PostMapping("/alerts/recompute")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	String recompute(@ModelAttribute("base") String base, RedirectAttributes redirect, Actor actor) {
		var result = alerts.recompute(actor);
		redirect.addFlashAttribute("recomputed", result);
		return "redirect:" + base + "/alerts";
	}

	@PostMapping("/clearances/{id}/accept")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	String accept(@PathVariable long id, @ModelAttribute("base") String base, RedirectAttributes redirect, Actor actor) {
		try {
			var c = clearances.accept(id, actor);
			redirect.addFlashAttribute("accepted", c.listingId().value());
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:" + base + "/alerts";
	}

	/** The warehouses the caller works in, and the chosen one (the first when none is asked for). */
	private Warehouse chosen(Long warehouseId, Model model, Actor actor) {
		List<Warehouse> warehouses = stock.warehouses(actor);
		model.addAttribute("warehouses", warehouses);
		Warehouse chosen = warehouses.stream().filter(w -> warehouseId == null || w.id().value() == warehouseId)
			.findFirst().orElse(null);
		if (warehouseId != null && chosen == null) {
			// not among the caller's: let the service answer 403 or 404
			stock.stockOf(new WarehouseId(warehouseId), null, 0, 1, actor);
		}
		model.addAttribute("warehouse", chosen);
		return chosen;
	}

	private Map<SkuId, Sku> names(List<SkuId> ids) {
		return catalog.skus(ids);
	}
}
