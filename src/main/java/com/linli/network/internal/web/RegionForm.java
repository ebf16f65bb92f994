package com.linli.network.internal.web;

import com.linli.network.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The region form of the console. */
public class RegionForm {

	@NotBlank
	@Size(max = 60)
	private String name;

	@NotBlank
	@Size(max = 20)
	private String code;

	@NotBlank
	private String zone = "Asia/Shanghai";

	private boolean active = true;

	static RegionForm of(Region r) {
		var form = new RegionForm();
		form.name = r.name();
		form.code = r.code();
		form.zone = r.zone().getId();
		form.active = r.active();
		return form;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getZone() {
		return zone;
	}

	public void setZone(String zone) {
		this.zone = zone;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}
}
