package com.linli.demo.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Hands out unique, real-looking mainland mobile numbers. It never uses 137, 138 or 139: 138 holds
 * the admin and demo logins, and tests draw their own numbers from 137 and 139.
 */
public final class PhoneBook {

	private static final List<String> PREFIXES = List.of("130", "131", "132", "133", "135", "136", "150", "151", "152",
			"153", "155", "156", "157", "158", "159", "166", "176", "177", "180", "181", "182", "183", "186", "187", "188",
			"189", "199");

	private final Set<String> used = new HashSet<>();

	/** Keeps a number (a demo login) out of what {@link #next} hands out. */
	public void reserve(String phone) {
		used.add(phone);
	}

	public String next(Random random) {
		while (true) {
			String phone = PREFIXES.get(random.nextInt(PREFIXES.size())) + String.format("%08d", random.nextInt(100_000_000));
			if (used.add(phone)) {
				return phone;
			}
		}
	}
}
