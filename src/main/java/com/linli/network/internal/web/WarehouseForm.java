package com.linli.network.internal.web;

import com.linli.network.Warehouse;
import com.linli.network.WarehouseKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The warehouse form of the console; region and kind are chosen once, at creation. */
public class WarehouseForm {

	private Long regionId;

	private WarehouseKind kind = WarehouseKind.GRID;

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

	private boolean active = true;

	static WarehouseForm of(Warehouse w) {
		var form = new WarehouseForm();
		form.regionId = w.regionId().value();
		form.kind = w.kind();
		form.name = w.name();
		form.address = w.address();
		form.latitude = w.latitude();
		form.longitude = w.longitude();
		form.active = w.active();
		return form;
	}

	public Long getRegionId() {
		return regionId;
	}

	public void setRegionId(Long regionId) {
		this.regionId = regionId;
	}

	public WarehouseKind getKind() {
		return kind;
	}

	public void setKind(WarehouseKind kind) {
		this.kind = kind;
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

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}
}
