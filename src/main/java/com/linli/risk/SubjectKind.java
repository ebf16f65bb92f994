package com.linli.risk;

/** What a risk case is about: one account, a leader (their account and pickup point), a device id, a phone prefix. */
public enum SubjectKind {
	ACCOUNT, LEADER, DEVICE, PHONE_PREFIX
}
