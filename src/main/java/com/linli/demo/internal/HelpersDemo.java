package com.linli.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.linli.demo.CityGenerator;
import com.linli.demo.DemoSettings;
import com.linli.demo.LoadedCity;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.Role;
import com.linli.leader.HelperManagement;
import com.linli.leader.Leader;
import com.linli.leader.LeaderManagement;
import com.linli.leader.LeaderSearch;
import com.linli.leader.LeaderStatus;
import com.linli.leader.PickupOnlyManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Brings helpers and modes to the demo city through the leader module's public API: the demo leader and the next
 * active leader of the first region each add a helper (核销员; the first signs in as demo login 07, password
 * {@link CityGenerator#DEMO_PASSWORD}, the second as 08), and a third leader's point becomes pickup-only (纯自提点):
 * from the next pickups on it earns the handling fee per order instead of commission. Statements (对账单) need no
 * seeding: every leader with history has last month's. Helpers already there (a later start) are left alone.
 */
@Component
class HelpersDemo {

	private static final Logger log = LoggerFactory.getLogger(HelpersDemo.class);

	private static final Actor DEMO = Actor.system("demo");

	private final HelperManagement helpers;

	private final PickupOnlyManagement modes;

	private final LeaderManagement leaders;

	private final AccountManagement accounts;

	HelpersDemo(HelperManagement helpers, PickupOnlyManagement modes, LeaderManagement leaders,
			AccountManagement accounts) {
		this.helpers = helpers;
		this.modes = modes;
		this.leaders = leaders;
		this.accounts = accounts;
	}

	/** Seeds the first region; answers how many helpers it added. */
	int seed(LoadedCity city, DemoSettings settings) {
		List<Leader> candidates = new ArrayList<>();
		leaders.leaderOf(city.firstPickupPoint()).filter(l -> l.status() == LeaderStatus.ACTIVE).ifPresent(candidates::add);
		leaders.search(new LeaderSearch(Set.of(city.regions().get(0)), LeaderStatus.ACTIVE, null, 0, 10)).items().stream()
			.filter(l -> !candidates.contains(l)).forEach(candidates::add);
		String[] names = { "陈小帮", "刘核销" };
		int added = 0;
		for (int i = 0; i < Math.min(2, candidates.size()); i++) {
			String phone = settings.loginPhone(7 + i);
			if (accounts.findByPhone(phone).isPresent()) {
				continue;
			}
			var leader = candidates.get(i);
			var helper = helpers.add(actorOf(leader), phone, names[i]);
			// the demo's logins share one password and need no first change
			accounts.resetPassword(helper.accountId(), CityGenerator.DEMO_PASSWORD, DEMO);
			added++;
		}
		if (candidates.size() > 2) {
			var pickupOnly = candidates.get(2);
			modes.setPickupOnly(DEMO, pickupOnly.id(), true);
			log.info("Demo helpers: {}'s pickup point is pickup-only (handling fee ¥{} per order)", pickupOnly.name(),
					modes.fee(pickupOnly.regionId()));
		}
		log.info("Demo helpers: {} helpers added", added);
		return added;
	}

	private static Actor actorOf(Leader leader) {
		return Actor.of(leader.accountId(), leader.name(), Set.of(Role.LEADER), Set.of(), leader.pickupPointId().value());
	}
}
