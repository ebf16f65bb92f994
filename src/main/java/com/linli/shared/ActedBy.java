package com.linli.shared;

/**
 * Who made a change, as the audit log records it: an account, or the platform itself under a name (a job,
 * a listener, the demo). Carried by {@link AdminChange} so that nobody reads the security context to know it.
 *
 * @param accountId the acting account's id, {@code null} for the platform itself
 * @param name the account's display name, or the name the platform acts under ("cutoff-scheduler", "demo")
 */
public record ActedBy(Long accountId, String name) {

	/** The platform itself acting under a name. */
	public static ActedBy system(String name) {
		return new ActedBy(null, name);
	}

	/** Whether the platform itself made the change rather than a person. */
	public boolean isSystem() {
		return accountId == null;
	}
}
