package com.linli.network.internal.web;

import com.linli.network.Community;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The community form of the console; the region is chosen once, at creation. */
public class CommunityForm extends LocatedForm {

	@NotBlank
	@Size(max = 40)
	private String district;

	@NotNull
	@Min(0)
	private Integer households = 0;

	static CommunityForm of(Community c) {
		var form = new CommunityForm();
		form.place(c.regionId().value(), c.name(), c.address(), c.latitude(), c.longitude());
		form.district = c.district();
		form.households = c.households();
		return form;
	}

	public String getDistrict() {
		return district;
	}

	public void setDistrict(String district) {
		this.district = district;
	}

	public Integer getHouseholds() {
		return households;
	}

	public void setHouseholds(Integer households) {
		this.households = households;
	}
}
