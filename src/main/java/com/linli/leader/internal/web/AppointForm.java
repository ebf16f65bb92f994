package com.linli.leader.internal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The console's appoint-a-leader form: the region only narrows the pickup point picker. */
public class AppointForm {

	private Long regionId;

	@NotNull
	private Long pickupPointId;

	@NotBlank
	@Pattern(regexp = "^1[3-9][0-9]{9}$", message = "{validation.phone}")
	private String phone;

	@NotBlank
	@Size(max = 30)
	private String name;

	@Size(max = 72)
	private String password;

	public Long getRegionId() {
		return regionId;
	}

	public void setRegionId(Long regionId) {
		this.regionId = regionId;
	}

	public Long getPickupPointId() {
		return pickupPointId;
	}

	public void setPickupPointId(Long pickupPointId) {
		this.pickupPointId = pickupPointId;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}
}
