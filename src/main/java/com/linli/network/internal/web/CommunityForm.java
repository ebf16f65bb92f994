package com.linli.network.internal.web;

import com.linli.network.Community;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The community form of the console; the region is chosen once, at creation. */
public class CommunityForm {

	private Long regionId;

	@NotBlank
	@Size(max = 60)
	private String name;

	@NotBlank
	@Size(max = 40)
	private String district;

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
	@Min(0)
	private Integer households = 0;

	static CommunityForm of(Community c) {
		var form = new CommunityForm();
		form.regionId = c.regionId().value();
		form.name = c.name();
		form.district = c.district();
		form.address = c.address();
		form.latitude = c.latitude();
		form.longitude = c.longitude();
		form.households = c.households();
		return form;
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

	public String getDistrict() {
		return district;
	}

	public void setDistrict(String district) {
		this.district = district;
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

	public Integer getHouseholds() {
		return households;
	}

	public void setHouseholds(Integer households) {
		this.households = households;
	}
}
