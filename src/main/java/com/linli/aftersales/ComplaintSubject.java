package com.linli.aftersales;

/** What a complaint (投诉) is about. */
public enum ComplaintSubject {

	PRODUCT, LEADER, DELIVERY, SERVICE
}
