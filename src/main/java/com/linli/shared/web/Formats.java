package com.linli.shared.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * Formatting for templates, as {@code ${@fmt.dateTime(instant)}} or {@code ${@fmt.yuan(fen)}}:
 * instants in the platform's zone, money as yuan with two decimals, texts kept as codes
 * ({@code ${@fmt.text(refund.reason())}}) in the reader's language.
 */
@Component("fmt")
public class Formats {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("M月d日");

	private final ZoneId zone;

	public Formats(Clock clock) {
		this.zone = clock.getZone();
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
	}

	public String dateTimeSeconds(Instant instant) {
		return instant == null ? "" : DATE_TIME_SECONDS.format(instant.atZone(zone));
	}

	public String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant.atZone(zone));
	}

	public String monthDay(LocalDate date) {
		return date == null ? "" : MONTH_DAY.format(date);
	}

	public String yuan(Money money) {
		return money == null ? "" : money.toString();
	}

	public String yuan(long fen) {
		return Money.ofFen(fen).toString();
	}

	/** An amount for a reader of large figures: the yuan sign and thousands separators (¥1,234,567.89). */
	public String amount(long fen) {
		return (fen < 0 ? "-¥" : "¥") + String.format(java.util.Locale.ROOT, "%,d.%02d", Math.abs(fen) / 100, Math.abs(fen) % 100);
	}

	public String amount(Money money) {
		return money == null ? "" : amount(money.fen());
	}

	/** A phone number with its middle four digits hidden (139****6767), for pages of people who need no more. */
	public String maskedPhone(String phone) {
		if (phone == null || phone.length() < 7) {
			return phone == null ? "" : phone;
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

	/** A text kept as {@link Text#stored()} (or an older plain text) in the reader's language. */
	public String text(String stored) {
		return stored == null ? "" : Text.fromStored(stored).inReadersLanguage();
	}
}
