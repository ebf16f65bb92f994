package com.linli.demo.internal;

import java.util.ArrayList;
import java.util.List;

import com.linli.demo.CityGenerator;
import com.linli.demo.CityPlan;
import com.linli.demo.DemoSettings;
import com.linli.demo.LoadedCity;
import com.linli.demo.SimulatedDay;
import com.linli.identity.Account;
import com.linli.identity.AccountManagement;
import com.linli.identity.Role;
import com.linli.leader.LeaderManagement;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.Money;
import com.linli.supply.Supplier;
import com.linli.supply.SupplierManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The console banner: where to open Linli and how to sign in, one login per role. */
@Component
public class DemoBanner {

	private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

	static final String DEFAULT_ADMIN_PASSWORD = "linli-admin";

	/** The demo logins in banner order: login number (phone suffix), role, labels, where they land. */
	private record Line(int number, Role role, String chinese, String english, String path) {
	}

	private static final List<Line> LOGINS = List.of(new Line(1, Role.OPERATOR, "运营专员", "operator", "/console"),
			new Line(2, Role.LEADER, "团长", "group leader", "/leader"),
			new Line(3, Role.RESIDENT, "居民", "resident", "/shop"),
			new Line(4, Role.SUPPLIER, "供应商", "supplier", "/supplier"),
			new Line(5, Role.WAREHOUSE_STAFF, "仓库人员", "warehouse staff", "/warehouse"),
			new Line(6, Role.DRIVER, "司机", "driver", "/driver"),
			new Line(7, Role.VERIFIER, "核销员", "pickup helper", "/leader/pickup"));

	private final AccountManagement accounts;

	private final RegionManagement network;

	private final ResidentBindingManagement residentBindings;

	private final PickupPointManagement pickupPoints;

	private final LeaderManagement leaders;

	private final SupplierManagement suppliers;

	private final Environment environment;

	private final String adminPhone;

	private final String adminPassword;

	DemoBanner(AccountManagement accounts, RegionManagement network, ResidentBindingManagement residentBindings,
			PickupPointManagement pickupPoints, LeaderManagement leaders,
			SupplierManagement suppliers, Environment environment,
			@Value("${linli.admin.phone:13800000000}") String adminPhone,
			@Value("${linli.admin.initial-password:}") String adminPassword) {
		this.accounts = accounts;
		this.network = network;
		this.residentBindings = residentBindings;
		this.pickupPoints = pickupPoints;
		this.leaders = leaders;
		this.suppliers = suppliers;
		this.environment = environment;
		this.adminPhone = adminPhone;
		this.adminPassword = adminPassword;
	}

	/** After the first load: what was built and what happened in its simulated history, the URL and the logins. */
	void printCity(CityPlan plan, LoadedCity loaded, List<SimulatedDay> history) {
		var regions = plan.regions().stream().map(CityPlan.Region::name).toList();
		List<String> lines = new ArrayList<>();
		lines.add("邻里 Linli 演示城市已生成 / demo city ready: " + String.join("、", regions));
		lines.add(String.format("  %d 个自提点 pickup points, %,d 位居民 residents, %d 个 SKU, %d 个团购商品 listings for %s",
				loaded.pickupPoints(), loaded.residents(), loaded.skus(), loaded.listings(), loaded.pickupDate()));
		if (!history.isEmpty()) {
			lines.add(historyLine(history));
		}
		print(lines, plan.settings());
	}

	/** One line on the replayed days: orders, their fate and the money refunded. */
	static String historyLine(List<SimulatedDay> history) {
		var dates = history.stream().map(SimulatedDay::pickupDate).sorted().toList();
		Money refunded = history.stream().map(SimulatedDay::refundedAmount).reduce(Money.ZERO, Money::plus);
		return String.format("  提货日 pickup days %s – %s: %,d 笔订单 orders, %,d 已支付 paid, %,d 已取货 picked up, "
				+ "%,d 待取货 waiting, 退款 refunded ¥%s", dates.get(0), dates.get(dates.size() - 1),
				history.stream().mapToInt(SimulatedDay::ordersPlaced).sum(),
				history.stream().mapToInt(SimulatedDay::paid).sum(), history.stream().mapToInt(SimulatedDay::pickedUp).sum(),
				history.stream().mapToInt(d -> d.waitingForPickup() + d.partlyPickedUp()).sum(), refunded);
	}

	/** On a later start: the URL and the logins, if this database holds the demo (its operator login exists). */
	public void printLogins(DemoSettings settings) {
		if (accounts.findByPhone(settings.loginPhone(1)).isPresent()) {
			print(new ArrayList<>(List.of("邻里 Linli 演示城市 / demo city")), settings);
		}
	}

	private void print(List<String> lines, DemoSettings settings) {
		lines.add("  打开 Open " + url());
		lines.add("  演示账号 Demo logins, 密码 password " + CityGenerator.DEMO_PASSWORD + " unless noted:");
		// no well-known admin password: generated and printed once at the first start (identity), or configured
		String admin = adminPassword.isBlank() ? "password: generated, printed once at the first start"
				: adminPassword.equals(DEFAULT_ADMIN_PASSWORD) ? "password " + DEFAULT_ADMIN_PASSWORD
				: "password: linli.admin.initial-password";
		lines.add(row("平台管理员", "platform admin", adminPhone, "/console", admin));
		for (Line login : LOGINS) {
			String phone = settings.loginPhone(login.number());
			String note = accounts.findByPhone(phone).map(a -> a.displayName() + what(login.role(), a))
				.orElse("(missing)");
			lines.add(row(login.chinese(), login.english(), phone, login.path(), note));
		}
		String rule = "=".repeat(80);
		log.info("\n{}\n{}\n{}", rule, String.join("\n", lines), rule);
	}

	/** What the login is for in the demo: the regions, pickup point or supplier it belongs to. */
	private String what(Role role, Account account) {
		return switch (role) {
			case OPERATOR -> " · " + String.join("、", account.regionIds().stream()
				.map(id -> network.getRegion(new RegionId(id)).name()).sorted().toList());
			case LEADER -> leaders.leaderFor(account.id())
				.map(l -> " · " + pickupPoints.getPickupPoint(l.pickupPointId()).name()).orElse("");
			case RESIDENT -> residentBindings.pickupPointOf(account.id()).map(PickupPoint::name).map(n -> " · " + n).orElse("");
			case SUPPLIER -> suppliers.supplierOf(account.id()).map(Supplier::name).map(n -> " · " + n).orElse("");
			default -> "";
		};
	}

	private static String row(String chinese, String english, String phone, String path, String note) {
		// Chinese characters print two columns wide: pad by display width
		int width = chinese.length() * 2;
		return "    " + chinese + " ".repeat(Math.max(1, 11 - width))
				+ String.format("%-16s %s  %-11s %s", english, phone, path, note);
	}

	private String url() {
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		return "http://localhost:" + port + environment.getProperty("server.servlet.context-path", "");
	}
}
