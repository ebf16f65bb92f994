package com.linli.network;

import java.util.List;

import com.linli.identity.Actor;
import com.linli.network.internal.Regions;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of regions (a city the platform serves, with its time zone): opening and editing one, which
 * only platform admins and the platform itself do, and reading them.
 */
@Service
@Transactional(readOnly = true)
public class RegionManagement {

	private final Regions regions;

	private final ApplicationEventPublisher events;

	RegionManagement(Regions regions, ApplicationEventPublisher events) {
		this.regions = regions;
		this.events = events;
	}

	@Transactional
	public Region createRegion(Actor actor, NewRegion r) {
		checkAdmin(actor);
		var region = new NewRegion(Inputs.text("name", r.name(), 60), Inputs.regionCode(r.code()), Zones.check(r.zone()));
		if (regions.codeTaken(region.code())) {
			throw new BusinessRuleException("region-code-taken", "code", Text.of("network.problem.regionCodeTaken", region.code()));
		}
		checkRegionName(region.name(), null);
		var id = regions.insert(region);
		events.publishEvent(new AdminChange(actor.actedBy(), "network.region.create", "region:" + id, region.name() + " " + region.code()));
		return getRegion(id);
	}

	@Transactional
	public Region updateRegion(Actor actor, RegionId id, RegionChange c) {
		checkAdmin(actor);
		getRegion(id);
		var change = new RegionChange(Inputs.text("name", c.name(), 60), Zones.check(c.zone()), c.active());
		checkRegionName(change.name(), id);
		regions.update(id, change);
		events.publishEvent(new AdminChange(actor.actedBy(), "network.region.update", "region:" + id,
				change.name() + " " + change.zone().getId() + " active=" + change.active()));
		return getRegion(id);
	}

	public Region getRegion(RegionId id) {
		return regions.find(Inputs.required("regionId", id)).orElseThrow(() -> new NotFoundException("region", id));
	}

	/** Every region, active or not, by name. */
	public List<Region> regions() {
		return regions.all();
	}

	public Page<Region> searchRegions(NetworkSearch search) {
		return regions.search(search);
	}

	private void checkRegionName(String name, RegionId except) {
		if (regions.nameTaken(name, except)) {
			throw new BusinessRuleException("region-name-taken", "name", Text.of("network.problem.regionNameAlreadyUse"));
		}
	}

	/** Only platform admins (and the platform itself) open and edit regions. */
	private static void checkAdmin(Actor actor) {
		if (!actor.isSystem() && !actor.isAdmin()) {
			throw new AccessDeniedException("only platform admins manage regions");
		}
	}
}
