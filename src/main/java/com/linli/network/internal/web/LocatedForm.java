package com.linli.network.internal.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What every place of the network form shares: its region (chosen once, at creation), a name, an
 * address and a position on the map.
 */
public abstract class LocatedForm {

	private Long regionId;

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

	/** Fills the shared fields from a stored place. */
	protected void place(long regionId, String name, String address, double latitude, double longitude) {
		this.regionId = regionId;
		this.name = name;
		this.address = address;
		this.latitude = latitude;
		this.longitude = longitude;
	}

	public Long getRegionId() {
		return regionId;
	}

	public void setRegionId(Long regionId) {
		this.regionId = regionId;
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
}
