package com.linli.marketing.internal.coupons;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.linli.shared.JobLock;

import javax.sql.DataSource;

import com.linli.marketing.CouponExpiringSoon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly coupon job: expires the usable coupons whose validity has ended, and tells residents of those
 * that end within three days ({@link CouponExpiringSoon}, once per coupon). One run at a time across nodes (a
 * database lock); a rerun finds nothing more to do.
 */
@Component
public class CouponExpiry {

	private static final Logger log = LoggerFactory.getLogger(CouponExpiry.class);

	static final Duration REMIND_AHEAD = Duration.ofDays(3);

	private final Coupons coupons;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CouponExpiry(Coupons coupons, DataSource dataSource, TransactionTemplate transaction, ApplicationEventPublisher events,
			Clock clock) {
		this.coupons = coupons;
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(cron = "${linli.marketing.coupons.expiry-schedule:0 10 0 * * *}", zone = "${linli.zone:Asia/Shanghai}")
	void nightly() {
		run(clock.instant());
	}

	/** What one run did: coupons expired and residents reminded; empty when another run holds the lock. */
	public record Run(int expired, int reminded) {
	}

	/** Runs the job as of {@code now}. */
	public Optional<Run> run(Instant now) {
		Optional<JobLock> lock = JobLock.tryAcquire(dataSource, "linli.marketing.coupons.expiry");
		if (lock.isEmpty()) {
			return Optional.empty();
		}
		try (JobLock held = lock.get()) {
			Run run = transaction.execute(s -> {
				int expired = coupons.expireDue(now);
				var soon = coupons.remindDue(now, REMIND_AHEAD);
				soon.forEach(events::publishEvent);
				return new Run(expired, soon.size());
			});
			if (run.expired() > 0 || run.reminded() > 0) {
				log.info("Coupons: {} expired, {} residents told of coupons ending soon", run.expired(), run.reminded());
			}
			return Optional.of(run);
		}
	}
}
