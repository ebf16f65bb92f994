package com.linli.identity;

/** What an account may do on the platform (DESIGN.md section 1). An account may hold several. */
public enum Role {

	PLATFORM_ADMIN, OPERATOR, LEADER, SUPPLIER, WAREHOUSE_STAFF, DRIVER, RESIDENT,

	/** A helper at one pickup point (核销员): hands out orders there, sees nothing of the money (issue 13). */
	VERIFIER;

	/** The Spring Security authority name, {@code ROLE_X}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** Staff roles work in the console; their changes are audited. */
	public boolean isStaff() {
		return this == PLATFORM_ADMIN || this == OPERATOR || this == WAREHOUSE_STAFF;
	}
}
