package com.linli.demo.internal;

import java.util.List;
import java.util.Set;

import com.linli.catalog.CategoryManagement;
import com.linli.demo.LoadedCity;
import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.marketing.CouponManagement;
import com.linli.marketing.CouponTemplate;
import com.linli.marketing.CouponTemplateManagement;
import com.linli.marketing.NewCouponTemplate;
import com.linli.network.RegionId;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The demo city's coupons, through marketing's public API: in every region a new-resident coupon (given on
 * registration), 满39减5 and a fruit coupon in the coupon centre; residents of the first pickup point have claimed
 * some already, so the demo resident opens the storefront with coupons to use and more to claim.
 */
@Component
public class CouponDemo {

	private static final Logger log = LoggerFactory.getLogger(CouponDemo.class);

	static final Actor DEMO = Actor.system("demo-coupons");

	/** How many residents of the first pickup point claim 满39减5 (and every third the fruit coupon). */
	static final int CLAIMERS = 40;

	private final CouponTemplateManagement templates;

	private final CouponManagement coupons;

	private final CategoryManagement categories;

	private final ResidentBindingManagement bindings;

	CouponDemo(CouponTemplateManagement templates, CouponManagement coupons, CategoryManagement categories,
			ResidentBindingManagement bindings) {
		this.templates = templates;
		this.coupons = coupons;
		this.categories = categories;
		this.bindings = bindings;
	}

	/**
	 * The templates of each region, then some claims; answers how many coupons were claimed. A failure is logged
	 * and the demo opens without (the rest of the city is loaded already).
	 */
	public int seed(LoadedCity city) {
		try {
			return seedCoupons(city);
		}
		catch (RuntimeException e) {
			log.error("Demo city: its coupons could not be seeded; the demo opens without them", e);
			return 0;
		}
	}

	private int seedCoupons(LoadedCity city) {
		Long fruit = categories.categories().stream().filter(c -> c.name().contains("水果")).map(c -> c.id().value())
			.findFirst().orElse(null);
		long everyday = 0;
		Long fruitCoupon = null;
		for (RegionId region : city.regions()) {
			template("新人专享 无门槛减3", Money.ofYuan("3"), Money.ZERO, CouponTemplate.Scope.ALL, Set.of(), region, 1,
					100_000, false, true);
			long id = template("满39减5", Money.ofYuan("5"), Money.ofYuan("39"), CouponTemplate.Scope.ALL, Set.of(), region,
					2, 20_000, true, false);
			Long f = fruit == null ? null
					: template("水果满20减3", Money.ofYuan("3"), Money.ofYuan("20"), CouponTemplate.Scope.CATEGORIES,
							Set.of(fruit), region, 1, 5_000, true, false);
			if (region.equals(city.regions().get(0))) {
				everyday = id;
				fruitCoupon = f;
			}
		}
		List<AccountId> residents = bindings.residentsOf(List.of(city.firstPickupPoint()))
			.getOrDefault(city.firstPickupPoint(), List.of());
		int claimed = 0;
		for (int i = 0; i < Math.min(CLAIMERS, residents.size()); i++) {
			Actor resident = Actor.resident(residents.get(i));
			claimed += claim(resident, everyday);
			if (fruitCoupon != null && i % 3 == 0) {
				claimed += claim(resident, fruitCoupon);
			}
		}
		log.info("Demo city: coupon templates in {} region(s), {} coupons claimed", city.regions().size(), claimed);
		return claimed;
	}

	private long template(String name, Money amount, Money threshold, CouponTemplate.Scope scope, Set<Long> scopeIds,
			RegionId region, int limit, int total, boolean claimable, boolean onRegistration) {
		return templates.create(DEMO, new NewCouponTemplate(name, CouponTemplate.Kind.FIXED, amount, null, null, threshold,
				scope, scopeIds, Set.of(region.value()), 7, null, null, limit, total, claimable, onRegistration, false))
			.id();
	}

	private int claim(Actor resident, long template) {
		try {
			coupons.claim(resident, template);
			return 1;
		}
		catch (BusinessRuleException e) {
			return 0; // a resident the demo moved elsewhere: no coupon, nothing to repair
		}
	}
}
