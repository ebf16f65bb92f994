package com.linli.network.internal.web;

import java.time.LocalTime;

import com.linli.network.PickupPoint;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/** The pickup point form of the console: community and grid warehouse are picked from the chosen region. */
public class PickupPointForm extends LocatedForm {

	private Long communityId;

	@NotNull
	private Long gridWarehouseId;

	@NotNull
	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime opensAt = LocalTime.of(9, 0);

	@NotNull
	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime closesAt = LocalTime.of(21, 0);

	private boolean active = true;

	static PickupPointForm of(PickupPoint p) {
		var form = new PickupPointForm();
		form.place(p.regionId().value(), p.name(), p.address(), p.latitude(), p.longitude());
		form.communityId = p.communityId().value();
		form.gridWarehouseId = p.gridWarehouseId().value();
		form.opensAt = p.opensAt();
		form.closesAt = p.closesAt();
		form.active = p.active();
		return form;
	}

	public Long getCommunityId() {
		return communityId;
	}

	public void setCommunityId(Long communityId) {
		this.communityId = communityId;
	}

	public Long getGridWarehouseId() {
		return gridWarehouseId;
	}

	public void setGridWarehouseId(Long gridWarehouseId) {
		this.gridWarehouseId = gridWarehouseId;
	}

	public LocalTime getOpensAt() {
		return opensAt;
	}

	public void setOpensAt(LocalTime opensAt) {
		this.opensAt = opensAt;
	}

	public LocalTime getClosesAt() {
		return closesAt;
	}

	public void setClosesAt(LocalTime closesAt) {
		this.closesAt = closesAt;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}
}
