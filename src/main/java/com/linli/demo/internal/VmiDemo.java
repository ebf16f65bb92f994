package com.linli.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

import com.linli.demo.DemoSettings;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.supply.NewVmiProposal;
import com.linli.supply.SupplierManagement;
import com.linli.supply.VmiManagement;
import com.linli.supply.VmiProposal;
import com.linli.supply.VmiStockLine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Supplier-managed inventory in the demo (issue 15): once the city's history and forecasts exist, the supplier of
 * the demo's supplier login (login 4, password {@code linli123}) is marked VMI and proposes one replenishment, so
 * that its portal's /supplier/vmi and the console's /console/vmi show something. Call {@link #seed} after the
 * forecasting job ran; a second call proposes nothing new while the proposal is open.
 */
@Component
public class VmiDemo {

	private static final Logger log = LoggerFactory.getLogger(VmiDemo.class);

	private static final Actor DEMO = Actor.system("demo");

	private final AccountManagement accounts;

	private final SupplierManagement suppliers;

	private final VmiManagement vmi;

	private final RegionManagement regions;

	private final Clock clock;

	VmiDemo(AccountManagement accounts, SupplierManagement suppliers, VmiManagement vmi, RegionManagement regions,
			Clock clock) {
		this.accounts = accounts;
		this.suppliers = suppliers;
		this.vmi = vmi;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * Marks the demo supplier VMI and proposes, for the forecasted SKU at a central warehouse with the largest
	 * suggestion (else the largest forecast), the suggested units (at least one pack) for tomorrow. Answers the
	 * proposal made, empty when the supplier login is missing, it supplies no region yet or a proposal was open.
	 */
	public Optional<VmiProposal> seed(DemoSettings settings) {
		String phone = settings.loginPhone(4);
		var supplier = accounts.findByPhone(phone).flatMap(a -> suppliers.supplierOf(a.id()));
		if (supplier.isEmpty()) {
			log.warn("VMI demo: no supplier is linked to the demo supplier login {}", phone);
			return Optional.empty();
		}
		var id = supplier.get().id();
		suppliers.setVmi(id, true, DEMO);
		var chosen = vmi.stock(id).stream()
			.filter(l -> l.forecasted() && l.open() == null && !l.openElsewhere())
			.max(Comparator.comparingLong(VmiStockLine::suggested).thenComparingDouble(VmiStockLine::forecastMean));
		if (chosen.isEmpty()) {
			log.warn("VMI demo: {} is VMI now but has no forecasted SKU at a central warehouse to propose for",
					supplier.get().name());
			return Optional.empty();
		}
		var line = chosen.get();
		int units = (int) Math.max(line.suggested(), line.moq());
		LocalDate tomorrow = LocalDate.now(clock.withZone(regions.getRegion(line.regionId()).zone())).plusDays(1);
		try {
			var proposal = vmi.propose(id, new NewVmiProposal(line.skuId(), line.warehouseId(), units, tomorrow,
					"按未来 7 天预测补货"), DEMO);
			log.info("VMI demo: {} (login {}) proposes {} × {} for {} on {}", supplier.get().name(), phone, units,
					line.skuName(), line.warehouseName(), tomorrow);
			return Optional.of(proposal);
		}
		catch (BusinessRuleException e) {
			log.warn("VMI demo: no proposal made: {}", e.getMessage());
			return Optional.empty();
		}
	}
}
