package com.linli.risk.internal.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.linli.marketing.MarketingRiskSignals.ReferralTrace;
import com.linli.ordering.OrderRiskFigures.OrderTrace;
import com.linli.risk.Evidence;
import com.linli.risk.RiskFlag;
import com.linli.risk.RiskRule;
import com.linli.risk.SubjectKind;
import com.linli.shared.Text;

/**
 * The fraud rules as pure functions of a region's data: each answers flags with a score (0–100) and the evidence
 * behind it. No Spring, no database: {@code RuleBookTests} runs them on hand-made data.
 */
public final class RuleBook {

	private final RiskProperties p;

	public RuleBook(RiskProperties properties) {
		this.p = properties;
	}

	public List<RiskFlag> evaluate(RegionData d) {
		List<RiskFlag> flags = new ArrayList<>();
		Map<Long, Set<String>> devicesOf = devicesOf(d.referrals());
		flags.addAll(phonePrefixes(d));
		flags.addAll(sharedDevices(d, devicesOf));
		flags.addAll(leaderSelfBuying(d, devicesOf));
		flags.addAll(refundRates(d));
		flags.addAll(cancelBursts(d));
		return flags;
	}

	/** The first nine digits of a phone ("+86 139-0000-1111" and "13900001111" alike); null when shorter. */
	static String prefix(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("\\D", "");
		if (digits.length() == 13 && digits.startsWith("86")) {
			digits = digits.substring(2);
		}
		return digits.length() < 9 ? null : digits.substring(0, 9);
	}

	/** The device ids each account was seen on (its referral binding). */
	static Map<Long, Set<String>> devicesOf(List<ReferralTrace> referrals) {
		Map<Long, Set<String>> devices = new HashMap<>();
		for (var r : referrals) {
			if (r.deviceId() != null && !r.deviceId().isBlank()) {
				devices.computeIfAbsent(r.inviteeId(), k -> new TreeSet<>()).add(r.deviceId());
			}
		}
		return devices;
	}

	// (a) many accounts on one phone prefix
	List<RiskFlag> phonePrefixes(RegionData d) {
		Map<String, TreeSet<Long>> byPrefix = new TreeMap<>();
		d.phones().forEach((account, phone) -> {
			String prefix = prefix(phone);
			if (prefix != null) {
				byPrefix.computeIfAbsent(prefix, k -> new TreeSet<>()).add(account);
			}
		});
		List<RiskFlag> flags = new ArrayList<>();
		byPrefix.forEach((prefix, accounts) -> {
			int n = accounts.size();
			if (n >= p.phonePrefixMinAccounts()) {
				int score = Math.min(100, 30 + 6 * n);
				flags.add(new RiskFlag(d.regionId(), SubjectKind.PHONE_PREFIX, prefix, prefix + "**", RiskRule.PHONE_PREFIX,
						score, Text.of("risk.flag.phonePrefix", n, prefix).stored(),
						new Evidence(List.copyOf(accounts), List.of(), List.of(), 0,
								figures("accounts", n, "prefix", prefix, "threshold", p.phonePrefixMinAccounts())),
						List.copyOf(accounts)));
			}
		});
		return flags;
	}

	// (a) many accounts on one device, and (c) one device claiming coupons / referral rewards for many accounts
	List<RiskFlag> sharedDevices(RegionData d, Map<Long, Set<String>> devicesOf) {
		Map<String, TreeSet<Long>> byDevice = new TreeMap<>();
		devicesOf.forEach((account, devices) -> devices.forEach(
				device -> byDevice.computeIfAbsent(device, k -> new TreeSet<>()).add(account)));
		List<RiskFlag> flags = new ArrayList<>();
		byDevice.forEach((device, accounts) -> {
			int n = accounts.size();
			if (n < p.deviceMinAccounts()) {
				return;
			}
			flags.add(new RiskFlag(d.regionId(), SubjectKind.DEVICE, device, device, RiskRule.SHARED_DEVICE,
					Math.min(100, 40 + 8 * n), Text.of("risk.flag.sharedDevice", n, device).stored(),
					new Evidence(List.copyOf(accounts), List.of(device), List.of(), 0,
							figures("accounts", n, "threshold", p.deviceMinAccounts())),
					List.copyOf(accounts)));
			// the claims made from that device: referral bindings (their inviters earn) and coupon-centre claims
			List<ReferralTrace> referrals = d.referrals().stream().filter(r -> device.equals(r.deviceId())).toList();
			TreeSet<Long> inviters = new TreeSet<>();
			referrals.forEach(r -> inviters.add(r.inviterId()));
			long pending = referrals.stream().filter(r -> r.status().equals("BOUND")).count();
			var claims = d.coupons().stream()
				.filter(c -> accounts.contains(c.residentId()) && c.source().startsWith("claim:")).toList();
			Map<Long, Long> claimsByTemplate = new TreeMap<>();
			claims.forEach(c -> claimsByTemplate.merge(c.templateId(), 1L, Long::sum));
			long sameTemplate = claimsByTemplate.values().stream().mapToLong(Long::longValue).max().orElse(0);
			if (referrals.size() >= p.deviceMinAccounts() || sameTemplate >= p.deviceMinAccounts()) {
				TreeSet<Long> held = new TreeSet<>(accounts);
				held.addAll(inviters);
				int score = (int) Math.min(100, 50 + 3 * referrals.size() + 3 * sameTemplate);
				Map<String, Object> f = figures("referrals", referrals.size(), "pendingRewards", pending,
						"couponClaims", claims.size(), "sameTemplateClaims", sameTemplate, "inviters", List.copyOf(inviters),
						"claimsByTemplate", stringKeys(claimsByTemplate));
				flags.add(new RiskFlag(d.regionId(), SubjectKind.DEVICE, device, device, RiskRule.COUPON_REFERRAL_ABUSE,
						score, Text.of("risk.flag.couponReferral", device, referrals.size(), claims.size()).stored(),
						new Evidence(List.copyOf(accounts), List.of(device), List.of(), 0, f), List.copyOf(held)));
			}
		});
		return flags;
	}

	// (b) a leader buying at their own pickup point: their account, accounts on their device, and accounts on their
	// phone prefix when that prefix is itself a suspicious one (as many accounts as rule (a) flags): neighbours' numbers
	// often share a leader's first nine digits by chance, a batch of bought SIM cards shares them by design
	List<RiskFlag> leaderSelfBuying(RegionData d, Map<Long, Set<String>> devicesOf) {
		List<RiskFlag> flags = new ArrayList<>();
		Map<String, Integer> onPrefix = new HashMap<>();
		d.phones().values().forEach(phone -> {
			String prefix = prefix(phone);
			if (prefix != null) {
				onPrefix.merge(prefix, 1, Integer::sum);
			}
		});
		d.leadersByPoint().forEach((point, leader) -> {
			String leaderPrefix = prefix(leader.phone());
			boolean suspiciousPrefix = leaderPrefix != null
					&& onPrefix.getOrDefault(leaderPrefix, 0) >= p.phonePrefixMinAccounts();
			Set<String> leaderDevices = devicesOf.getOrDefault(leader.accountId(), Set.of());
			TreeSet<Long> own = new TreeSet<>();
			own.add(leader.accountId());
			d.phones().forEach((account, phone) -> {
				if (suspiciousPrefix && leaderPrefix.equals(prefix(phone))) {
					own.add(account);
				}
			});
			devicesOf.forEach((account, devices) -> {
				if (devices.stream().anyMatch(leaderDevices::contains)) {
					own.add(account);
				}
			});
			var orders = d.orders().stream().filter(o -> o.pickupPointId() == point && own.contains(o.residentId())).toList();
			if (orders.size() < p.selfBuyMinOrders()) {
				return;
			}
			TreeSet<Long> buyers = new TreeSet<>();
			orders.forEach(o -> buyers.add(o.residentId()));
			buyers.add(leader.accountId());
			long paid = orders.stream().mapToLong(OrderTrace::paidFen).sum();
			boolean leaderItself = orders.stream().anyMatch(o -> o.residentId() == leader.accountId());
			int score = Math.min(100, 40 + 4 * orders.size() + (leaderItself ? 10 : 0));
			flags.add(new RiskFlag(d.regionId(), SubjectKind.LEADER, Long.toString(leader.leaderId()),
					leader.name() + " (" + leader.phone() + ")", RiskRule.LEADER_SELF_BUYING, score,
					Text.of("risk.flag.selfBuying", leader.name(), orders.size(), buyers.size()).stored(),
					new Evidence(List.copyOf(buyers), List.copyOf(leaderDevices),
							orders.stream().map(OrderTrace::orderId).limit(200).toList(), paid,
							figures("orders", orders.size(), "pickupPointId", point, "leaderOrdered", leaderItself,
									"threshold", p.selfBuyMinOrders())),
					List.copyOf(buyers)));
		});
		return flags;
	}

	// (d) refund rates per resident and per leader's pickup point, against the region's
	List<RiskFlag> refundRates(RegionData d) {
		var paidOrders = d.orders().stream().filter(o -> o.paidFen() > 0).toList();
		long paid = paidOrders.stream().mapToLong(OrderTrace::paidFen).sum();
		long refunded = paidOrders.stream().mapToLong(OrderTrace::refundedFen).sum();
		if (paid == 0) {
			return List.of();
		}
		double regionRate = (double) refunded / paid;
		double threshold = Math.max(p.refundRateFloor(), regionRate * p.refundRateFactor());
		List<RiskFlag> flags = new ArrayList<>();
		group(paidOrders, OrderTrace::residentId).forEach((resident, orders) -> {
			if (orders.size() >= p.refundMinOrders()
					&& orders.stream().filter(o -> o.refundedFen() > 0).count() >= p.refundMinRefunds()) {
				rate(orders, threshold, regionRate).ifPresent(rate -> flags.add(new RiskFlag(d.regionId(), SubjectKind.ACCOUNT,
						Long.toString(resident), label(d, resident), RiskRule.RESIDENT_REFUND_RATE, score(rate),
						Text.of("risk.flag.residentRefunds", percent(rate), percent(regionRate), orders.size()).stored(),
						evidence(List.of(resident), orders, rate, regionRate, threshold), List.of(resident))));
			}
		});
		group(paidOrders, OrderTrace::pickupPointId).forEach((point, orders) -> {
			var leader = d.leadersByPoint().get(point);
			if (leader != null && orders.size() >= p.pointRefundMinOrders()) {
				rate(orders, threshold, regionRate).ifPresent(rate -> flags.add(new RiskFlag(d.regionId(), SubjectKind.LEADER,
						Long.toString(leader.leaderId()), leader.name() + " (" + leader.phone() + ")", RiskRule.POINT_REFUND_RATE,
						score(rate), Text.of("risk.flag.pointRefunds", leader.name(), percent(rate), percent(regionRate),
								orders.size()).stored(),
						evidence(List.of(leader.accountId()), orders, rate, regionRate, threshold), List.of(leader.accountId()))));
			}
		});
		return flags;
	}

	// (e) orders placed and cancelled in bursts by one account
	List<RiskFlag> cancelBursts(RegionData d) {
		List<RiskFlag> flags = new ArrayList<>();
		Duration window = Duration.ofMinutes(p.burstMinutes());
		group(d.orders().stream().filter(OrderTrace::cancelled).toList(), OrderTrace::residentId).forEach((resident, orders) -> {
			List<OrderTrace> sorted = new ArrayList<>(orders);
			sorted.sort(Comparator.comparing(OrderTrace::placedAt));
			List<OrderTrace> best = List.of();
			for (int i = 0; i < sorted.size(); i++) {
				var end = sorted.get(i).placedAt().plus(window);
				List<OrderTrace> burst = sorted.subList(i, sorted.size()).stream()
					.filter(o -> !o.placedAt().isAfter(end) && !o.cancelledAt().isAfter(end)).toList();
				if (burst.size() > best.size()) {
					best = burst;
				}
			}
			if (best.size() >= p.burstCount()) {
				long amount = best.stream().mapToLong(OrderTrace::totalFen).sum();
				flags.add(new RiskFlag(d.regionId(), SubjectKind.ACCOUNT, Long.toString(resident), label(d, resident),
						RiskRule.CANCEL_BURST, Math.min(100, 30 + 10 * best.size()),
						Text.of("risk.flag.cancelBurst", best.size(), p.burstMinutes()).stored(),
						new Evidence(List.of(resident), List.of(), best.stream().map(OrderTrace::orderId).toList(), amount,
								figures("orders", best.size(), "minutes", p.burstMinutes(), "threshold", p.burstCount(),
										"from", best.get(0).placedAt().toString())),
						List.of(resident)));
			}
		});
		return flags;
	}

	private static <K> Map<K, List<OrderTrace>> group(List<OrderTrace> orders, java.util.function.Function<OrderTrace, K> key) {
		Map<K, List<OrderTrace>> groups = new LinkedHashMap<>();
		orders.forEach(o -> groups.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o));
		return groups;
	}

	private static java.util.Optional<Double> rate(List<OrderTrace> orders, double threshold, double regionRate) {
		long paid = orders.stream().mapToLong(OrderTrace::paidFen).sum();
		long refunded = orders.stream().mapToLong(OrderTrace::refundedFen).sum();
		double rate = paid == 0 ? 0 : (double) refunded / paid;
		return rate >= threshold && rate > regionRate ? java.util.Optional.of(rate) : java.util.Optional.empty();
	}

	private static int score(double rate) {
		return (int) Math.min(100, Math.round(40 + 60 * rate));
	}

	private static Evidence evidence(List<Long> accounts, List<OrderTrace> orders, double rate, double regionRate,
			double threshold) {
		long refunded = orders.stream().mapToLong(OrderTrace::refundedFen).sum();
		return new Evidence(accounts, List.of(), orders.stream().filter(o -> o.refundedFen() > 0).map(OrderTrace::orderId)
			.limit(200).toList(), refunded, figures("orders", orders.size(), "rate", round(rate), "regionRate",
					round(regionRate), "threshold", round(threshold)));
	}

	private static String label(RegionData d, long account) {
		String phone = d.phones().get(account);
		return "#" + account + (phone == null ? "" : " (" + phone + ")");
	}

	private static String percent(double rate) {
		return String.format("%.1f%%", rate * 100);
	}

	private static double round(double x) {
		return Math.round(x * 10000) / 10000.0;
	}

	private static Map<String, Object> stringKeys(Map<Long, Long> m) {
		Map<String, Object> out = new TreeMap<>();
		m.forEach((k, v) -> out.put(Long.toString(k), v));
		return out;
	}

	private static Map<String, Object> figures(Object... keysAndValues) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			m.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return m;
	}
}
