package com.linli.shared;

import java.util.Objects;

/**
 * Published by any module when staff change data (create a listing, edit a region...);
 * identity records it in the audit log together with {@code by}, who did it.
 */
public record AdminChange(ActedBy by, String action, String target, String detail) {

	public AdminChange {
		Objects.requireNonNull(by, "by");
	}
}
