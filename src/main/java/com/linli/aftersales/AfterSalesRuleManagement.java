package com.linli.aftersales;

import java.util.Map;

import com.linli.aftersales.internal.requests.RequestDetails;
import com.linli.catalog.Sku;
import com.linli.catalog.StorageTemperature;
import com.linli.identity.Actor;
import com.linli.shared.AdminChange;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules that decide after-sales requests, as staff set them: each region's quick refund (极速退款: on or off, the
 * largest amount, the resident's refund rate allowed) and each category's window.
 * <p>
 * The window: hours after pickup (after the order was ready, for goods never collected) set per category by a
 * platform admin ({@code aftersales.window_rule}); without one, fresh goods have {@value #FRESH_WINDOW_HOURS} hours
 * and others {@value #OTHER_WINDOW_HOURS}. A SKU is fresh when it is kept chilled or frozen, or keeps at most
 * {@value #FRESH_SHELF_LIFE_DAYS} days.
 */
@Service
public class AfterSalesRuleManagement {

	public static final int FRESH_WINDOW_HOURS = 48;

	public static final int OTHER_WINDOW_HOURS = 7 * 24;

	public static final int FRESH_SHELF_LIFE_DAYS = 7;

	private final RequestDetails details;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	AfterSalesRuleManagement(RequestDetails details, ApplicationEventPublisher events, java.time.Clock clock) {
		this.details = details;
		this.events = events;
		this.clock = clock;
	}

	/** The quick-refund rule of a region (the defaults until an operator sets it). */
	@Transactional(readOnly = true)
	public RequestDetails.QuickRefundSetting quickRefundSetting(Actor actor, long regionId) {
		actor.checkRegion(regionId);
		return details.quickRefund(regionId);
	}

	/** An operator of the region sets its quick-refund rule. */
	@Transactional
	public RequestDetails.QuickRefundSetting setQuickRefund(Actor actor, long regionId, Boolean enabled, Long maxFen,
			Integer maxRateBasisPoints) {
		actor.checkManagesRegion(regionId);
		if (enabled == null) {
			throw new InvalidInputException("enabled", Text.of("aftersales.problem.required"));
		}
		if (maxFen == null || maxFen < 0 || maxFen > 100_000_000) {
			throw new InvalidInputException("maxFen", Text.of("aftersales.problem.quickMaxRange"));
		}
		if (maxRateBasisPoints == null || maxRateBasisPoints < 0 || maxRateBasisPoints > 10_000) {
			throw new InvalidInputException("maxRateBasisPoints", Text.of("aftersales.problem.quickRateRange"));
		}
		var setting = new RequestDetails.QuickRefundSetting(regionId, enabled, maxFen, maxRateBasisPoints);
		details.saveQuickRefund(setting, actor.accountIdOrNull(), clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "aftersales.quick-refund", "region:" + regionId,
				"enabled=" + enabled + " max=" + maxFen + " rate=" + maxRateBasisPoints));
		return setting;
	}

	/** The windows set per category (category id → hours after pickup); others have the defaults. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> windows() {
		return details.windows();
	}

	/** A platform admin sets the window of a category (1 hour to 90 days); it applies to every region. */
	@Transactional
	public void setWindow(Actor actor, long categoryId, Integer hours) {
		if (!actor.isSystem() && !actor.isAdmin()) {
			throw new AccessDeniedException("the after-sales window of a category is the platform's");
		}
		if (hours == null || hours < 1 || hours > 2160) {
			throw new InvalidInputException("hours", Text.of("aftersales.problem.windowRange", 2160));
		}
		details.saveWindow(categoryId, hours);
		events.publishEvent(new AdminChange(actor.actedBy(), "aftersales.window", "category:" + categoryId,
				hours + "h"));
	}

	/** The window of an SKU: the hours after pickup within which a request may be filed. */
	public int windowHours(Sku sku) {
		return details.windowHours(sku.categoryId() == null ? null : sku.categoryId().value())
			.orElse(fresh(sku) ? FRESH_WINDOW_HOURS : OTHER_WINDOW_HOURS);
	}

	/** Fresh goods: kept chilled or frozen, or keeping at most a week. */
	public static boolean fresh(Sku sku) {
		return sku.storage() == StorageTemperature.CHILLED || sku.storage() == StorageTemperature.FROZEN
				|| (sku.shelfLifeDays() > 0 && sku.shelfLifeDays() <= FRESH_SHELF_LIFE_DAYS);
	}

}
