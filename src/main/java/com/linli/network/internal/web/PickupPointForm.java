package com.linli.network.internal.web;

import java.time.LocalTime;

import com.linli.network.PickupPoint;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The pickup point form of the console: community and grid warehouse are picked from the chosen region. */
public class PickupPointForm {

	private Long regionId;

	private Long communityId;

	@NotNull
	private Long gridWarehouseId;

	@NotBlank
	@Size(max = 60)
	private String name;

	@NotBlank
	@Size(max = 200)
	private String address;

	@NotNull
	@DecimalMin("-90")
	@DecimalMax("90")
	private Double latitude;

	@NotNull
	@DecimalMin("-180")
	@DecimalMax("180")
	private Double longitude;

	@NotNull
	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime opensAt = LocalTime.of(9, 0);

	@NotNull
	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime closesAt = LocalTime.of(21, 0);

	private boolean active = true;

	static PickupPointForm of(PickupPoint p) {
		var form = new PickupPointForm();
		form.regionId = p.regionId().value();
		form.communityId = p.communityId().value();
		form.gridWarehouseId = p.gridWarehouseId().value();
		form.name = p.name();
		form.address = p.address();
		form.latitude = p.latitude();
		form.longitude = p.longitude();
		form.opensAt = p.opensAt();
		form.closesAt = p.closesAt();
		form.active = p.active();
		return form;
	}

	public Long getRegionId() {
		return regionId;
	}

	public void setRegionId(Long regionId) {
		this.regionId = regionId;
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

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public Double getLatitude() {
		return latitude;
	}

	public void setLatitude(Double latitude) {
		this.latitude = latitude;
	}

	public Double getLongitude() {
		return longitude;
	}

	public void setLongitude(Double longitude) {
		this.longitude = longitude;
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
