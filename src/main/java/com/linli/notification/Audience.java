package com.linli.notification;

/**
 * Whose screen a message belongs on: the resident's storefront, the leader's workbench, or the
 * operator console (platform admins).
 */
public enum Audience {

	RESIDENT, LEADER, STAFF
}
