package com.linli.demo.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.demo.CityGenerator;
import com.linli.demo.CityPlan;
import com.linli.demo.CityPlan.DemoLogin;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import com.linli.leader.LeaderManagement;
import com.linli.leader.NewLeader;
import com.linli.network.ResidentBindingManagement;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.SupplierId;
import com.linli.supply.SupplierManagement;

import org.springframework.stereotype.Component;

/**
 * The people of a plan, through identity's, leader's, network's and supply's APIs: every account in
 * one bulk insert (one password hash), then leaders appointed, residents bound to their pickup points
 * and the supplier login linked to its supplier.
 */
@Component
public class PeopleLoader {

	/** Progress units (see {@link Progress}): an account row of the bulk insert, a leader, a binding. */
	public static final int ACCOUNT = 3, LEADER = 10, BINDING = 1;

	/** The demo city is run by the platform itself. */
	private static final Actor DEMO = Actor.system("demo");

	private final AccountManagement accounts;

	private final LeaderManagement leaders;

	private final ResidentBindingManagement network;

	private final SupplierManagement suppliers;

	PeopleLoader(AccountManagement accounts, LeaderManagement leaders, ResidentBindingManagement network,
			SupplierManagement suppliers) {
		this.accounts = accounts;
		this.leaders = leaders;
		this.network = network;
		this.suppliers = suppliers;
	}

	/** {@code pickupPoints}: per region of the plan, the pickup point ids by community index. */
	public void load(CityPlan plan, List<RegionId> regionIds, List<List<PickupPointId>> pickupPoints,
			SupplierId firstSupplier, Progress progress) {
		var people = createAccounts(plan, regionIds, progress);
		for (int r = 0; r < plan.regions().size(); r++) {
			var region = plan.regions().get(r);
			var points = pickupPoints.get(r);
			for (int c = 0; c < region.communities().size(); c++) {
				var leader = region.communities().get(c).leader();
				leaders.appoint(DEMO, new NewLeader(leader.phone(), leader.name(), CityGenerator.DEMO_PASSWORD, points.get(c)));
				progress.advance(LEADER, "leaders");
			}
			for (var resident : region.residents()) {
				network.bindResident(people.get(resident.phone()), points.get(resident.community()));
				progress.advance(BINDING, "residents choose their pickup points");
			}
		}
		suppliers.linkAccount(firstSupplier, people.get(plan.login(Role.SUPPLIER).phone()), DEMO);
	}

	/**
	 * The staff logins, the leaders (as residents: appointing them adds the LEADER role) and the
	 * residents; the leader and resident logins are the first pickup point's leader and resident. A
	 * login whose phone has an account already keeps that account and gets the role (and the operator
	 * the demo regions).
	 */
	private Map<String, AccountId> createAccounts(CityPlan plan, List<RegionId> regionIds, Progress progress) {
		Set<Long> regions = new HashSet<>();
		regionIds.forEach(id -> regions.add(id.value()));
		Map<String, AccountId> ids = new HashMap<>();
		plan.logins().forEach(login -> reuseExisting(login, regions, ids));
		List<NewAccount> fresh = new ArrayList<>();
		for (DemoLogin login : plan.logins()) {
			boolean staff = login.role() != Role.LEADER && login.role() != Role.RESIDENT;
			if (staff && !ids.containsKey(login.phone())) {
				fresh.add(new NewAccount(login.phone(), login.displayName(), login.password(), Set.of(login.role()),
						login.role() == Role.OPERATOR || login.role() == Role.WAREHOUSE_STAFF ? regions : Set.of()));
			}
		}
		for (var region : plan.regions()) {
			for (var c : region.communities()) {
				if (!ids.containsKey(c.leader().phone())) {
					fresh.add(resident(c.leader().phone(), c.leader().name()));
				}
			}
			for (var r : region.residents()) {
				if (!ids.containsKey(r.phone())) {
					fresh.add(resident(r.phone(), r.name()));
				}
			}
		}
		progress.announce(String.format("%,d accounts in one batch", fresh.size()));
		var created = accounts.createAll(fresh);
		for (int i = 0; i < fresh.size(); i++) {
			ids.put(fresh.get(i).phone(), created.get(i));
		}
		progress.advance((long) ACCOUNT * (plan.logins().size() + plan.regions().stream()
			.mapToLong(r -> r.communities().size() + r.residents().size()).sum()), "accounts");
		return ids;
	}

	private void reuseExisting(DemoLogin login, Set<Long> regions, Map<String, AccountId> ids) {
		accounts.findByPhone(login.phone()).ifPresent(existing -> {
			ids.put(login.phone(), existing.id());
			// operators and warehouse staff work in the demo's regions
			if (login.role() == Role.OPERATOR || login.role() == Role.WAREHOUSE_STAFF) {
				Set<Role> roles = new HashSet<>(existing.roles());
				roles.add(login.role());
				Set<Long> scope = new HashSet<>(existing.regionIds());
				scope.addAll(regions);
				accounts.update(existing.id(), existing.displayName(), roles, scope, true, DEMO);
			}
			else if (login.role() != Role.LEADER) {
				accounts.grantRole(existing.id(), login.role());
			}
		});
	}

	private static NewAccount resident(String phone, String name) {
		return new NewAccount(phone, name, CityGenerator.DEMO_PASSWORD, Set.of(Role.RESIDENT), Set.of());
	}
}
