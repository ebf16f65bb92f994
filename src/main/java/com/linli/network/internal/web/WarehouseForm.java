package com.linli.network.internal.web;

import com.linli.network.Warehouse;
import com.linli.network.WarehouseKind;

/** The warehouse form of the console; region and kind are chosen once, at creation. */
public class WarehouseForm extends LocatedForm {

	private WarehouseKind kind = WarehouseKind.GRID;

	private boolean active = true;

	static WarehouseForm of(Warehouse w) {
		var form = new WarehouseForm();
		form.place(w.regionId().value(), w.name(), w.address(), w.latitude(), w.longitude());
		form.kind = w.kind();
		form.active = w.active();
		return form;
	}

	public WarehouseKind getKind() {
		return kind;
	}

	public void setKind(WarehouseKind kind) {
		this.kind = kind;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}
}
