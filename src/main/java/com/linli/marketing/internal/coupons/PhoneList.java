package com.linli.marketing.internal.coupons;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The phones of a push as an operator pastes or uploads them: one per line or separated by commas, semicolons,
 * tabs or spaces; from a CSV, the first column of each line (a header line without digits is skipped). Spaces and
 * dashes inside a number and a leading +86 are dropped; duplicates count once, in the order first seen. Whatever
 * is not a mainland mobile number (11 digits from 1) is kept as written, so that the push reports it as unknown.
 */
public final class PhoneList {

	private PhoneList() {
	}

	public static List<String> parse(String text) {
		if (text == null) {
			return List.of();
		}
		Set<String> phones = new LinkedHashSet<>();
		for (String line : text.split("\\R")) {
			String row = line.strip();
			if (row.isEmpty()) {
				continue;
			}
			// a CSV row has words beside the phone (a name, a note): its first column is the phone
			String[] columns = row.split(",");
			boolean csv = columns.length > 1
					&& java.util.Arrays.stream(columns).skip(1).anyMatch(c -> c.chars().anyMatch(Character::isLetter));
			String[] cells = csv ? new String[] { columns[0] } : row.split("[,;，；\\t ]+");
			for (String cell : cells) {
				String phone = normalise(cell);
				if (phone.isEmpty() || phone.chars().noneMatch(Character::isDigit)) {
					continue; // a header ("手机号", "phone") or an empty cell
				}
				phones.add(phone);
			}
		}
		return new ArrayList<>(phones);
	}

	static String normalise(String cell) {
		String s = cell.strip().replace("\"", "").replace("-", "").replace(" ", "");
		if (s.startsWith("+86")) {
			s = s.substring(3);
		}
		return s;
	}
}
