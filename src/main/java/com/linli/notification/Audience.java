package com.linli.notification;

/** Whose screen a message belongs on: the resident's storefront or the leader's workbench. */
public enum Audience {

	RESIDENT, LEADER
}
