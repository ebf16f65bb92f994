package com.linli.identity.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

/**
 * The console's sidebar: its groups of links, each shown only to a user whom the security rules
 * ({@code SecurityConfiguration}) let open it. Visibility is asked of those rules, never written
 * twice, so a link cannot lead a role to a 403. A link may name alternative paths (the console's
 * stock page, or the warehouse's for warehouse staff): the first one the user may open is shown.
 */
@Component("consoleNav")
public class ConsoleNavigation {

	/** A link of the sidebar: a message key, the paths it may lead to, and whether it opens a new window. */
	record Link(String labelKey, List<String> paths, boolean newWindow) {

		static Link to(String labelKey, String... paths) {
			return new Link(labelKey, List.of(paths), false);
		}
	}

	record Group(String labelKey, List<Link> links) {
	}

	/** A link as one user sees it: the path they may open. */
	public record Shown(String labelKey, String path, boolean newWindow) {
	}

	public record ShownGroup(String labelKey, List<Shown> links) {
	}

	static final List<Group> GROUPS = List.of(
			new Group("nav.group.network", List.of(Link.to("nav.regions", "/console/regions"),
					Link.to("nav.warehouses", "/console/warehouses"), Link.to("nav.communities", "/console/communities"),
					Link.to("nav.pickupPoints", "/console/pickup-points"), Link.to("nav.leaders", "/console/leaders"),
					Link.to("leader.nav.commission", "/console/commission"),
					Link.to("leader.nav.performance", "/console/leaders/performance"),
					Link.to("leader.nav.churn", "/console/leaders/churn-risk"),
					Link.to("leader.nav.recruitment", "/console/leader-applications"),
					Link.to("leader.payouts.console.link", "/console/withdrawals"),
					Link.to("leader.incentives.contests.title", "/console/leaders/contests"),
					Link.to("leader.training.console.link", "/console/leaders/training"))),
			new Group("nav.group.catalog", List.of(Link.to("nav.categories", "/console/categories"),
					Link.to("nav.products", "/console/products"), Link.to("nav.suppliers", "/console/suppliers"))),
			new Group("supply.nav.group", List.of(Link.to("supply.nav.purchaseOrders", "/console/purchase-orders"),
					Link.to("supply.nav.receiving", "/warehouse/receiving"),
					Link.to("supply.nav.alerts", "/console/supplier-alerts"),
					Link.to("supply.nav.scores", "/console/supplier-scores"),
					Link.to("supply.nav.statements", "/console/statements"),
					Link.to("supply.nav.vmi", "/console/vmi"))),
			new Group("nav.group.marketing", List.of(Link.to("nav.listings", "/console/listings"),
					Link.to("nav.orders", "/console/orders"), Link.to("overdue.nav", "/console/orders/overdue"))),
			new Group("nav.group.promotions", List.of(Link.to("marketing.engine.nav.preview", "/console/promotions/preview"),
					Link.to("marketing.nav.membershipLevels", "/console/membership-levels"),
					Link.to("marketing.nav.pointsShop", "/console/points-shop"),
					Link.to("marketing.nav.campaigns", "/console/campaigns"),
					Link.to("marketing.nav.reductions", "/console/reductions"),
					Link.to("marketing.nav.offers", "/console/offers"),
					Link.to("marketing.flash.nav", "/console/flash-sales"),
					Link.to("marketing.teams.nav", "/console/team-listings"),
					Link.to("marketing.referral.nav", "/console/referrals"),
					Link.to("marketing.controls.nav", "/console/listing-controls"),
					Link.to("marketing.coupons.nav", "/console/coupons"))),
			new Group("nav.group.aftersales", List.of(Link.to("aftersales.reports.nav", "/console/aftersales/reports"),
					Link.to("aftersales.requests.nav.queue", "/console/aftersales"),
					Link.to("aftersales.requests.nav.settings", "/console/aftersales/settings"),
					Link.to("aftersales.complaints.nav", "/console/complaints"),
					Link.to("aftersales.complaints.report.nav", "/console/complaints/report"),
					Link.to("aftersales.reviews.nav", "/console/reviews"),
					Link.to("aftersales.help.nav", "/console/help"))),
			new Group("fulfilment.nav.group", List.of(Link.to("fulfilment.nav.cutoffRuns", "/console/cutoff-runs"))),
			new Group("inventory.nav.group", List.of(
					Link.to("inventory.nav.stock", "/console/inventory", "/warehouse/inventory"),
					Link.to("inventory.nav.stocktakes", "/console/inventory/stocktakes", "/warehouse/inventory/stocktakes"),
					Link.to("inventory.nav.alerts", "/console/inventory/alerts"),
					Link.to("forecast.nav.forecasts", "/console/forecasts"),
					Link.to("pricing.nav", "/console/pricing"))),
			new Group("logistics.nav.group", List.of(Link.to("logistics.planning.nav", "/console/logistics/plans"),
					Link.to("logistics.nav.tracking", "/console/logistics/tracking"),
					Link.to("logistics.fleet.nav", "/console/logistics/fleet"),
					Link.to("logistics.windows.nav", "/console/logistics/windows"),
					Link.to("logistics.performance.nav", "/console/logistics/performance"),
					Link.to("logistics.warehouse.nav.waves", "/console/logistics/waves", "/warehouse/logistics/waves"))),
			// issue 16: analytics (the dashboard is the console home; its drill-through lists open from its numbers)
			new Group("analytics.nav.group", List.of(Link.to("analytics.nav.dashboard", "/console"),
					Link.to("analytics.economics.nav", "/console/economics"),
					Link.to("analytics.nav.funnels", "/console/analytics/funnels"),
					Link.to("analytics.cohorts.nav", "/console/analytics/cohorts"),
					Link.to("analytics.rfm.nav", "/console/analytics/segments"),
					Link.to("analytics.nav.products", "/console/analytics/products"),
					Link.to("analytics.nav.communities", "/console/analytics/communities"),
					Link.to("analytics.alerts.nav", "/console/analytics/alerts"))),
			new Group("risk.nav.group", List.of(Link.to("risk.nav", "/console/risk"))),
			new Group("nav.group.system", List.of(Link.to("nav.accounts", "/console/accounts"),
					Link.to("nav.audit", "/console/audit"),
					Link.to("notification.page.title", "/console/messages"),
					Link.to("payment.nav.mismatches", "/console/payment-mismatches"), new Link("nav.api", List.of("/swagger-ui.html"), true))));

	private final WebInvocationPrivilegeEvaluator privileges;

	ConsoleNavigation(WebInvocationPrivilegeEvaluator privileges) {
		this.privileges = privileges;
	}

	/** The groups of links the signed-in user may open; groups left without a link are left out. */
	public List<ShownGroup> visible() {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		List<ShownGroup> shown = new ArrayList<>();
		for (Group group : GROUPS) {
			List<Shown> links = new ArrayList<>();
			for (Link link : group.links()) {
				pathFor(link, user).ifPresent(path -> links.add(new Shown(link.labelKey(), path, link.newWindow())));
			}
			if (!links.isEmpty()) {
				shown.add(new ShownGroup(group.labelKey(), links));
			}
		}
		return shown;
	}

	private Optional<String> pathFor(Link link, Authentication user) {
		return link.paths().stream().filter(path -> privileges.isAllowed(path, user)).findFirst();
	}
}
