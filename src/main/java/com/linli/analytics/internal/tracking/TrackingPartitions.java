package com.linli.analytics.internal.tracking;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The day partitions of {@code analytics.tracking_event} (PostgreSQL declarative RANGE partitioning on
 * {@code day}): one table {@code tracking_event_yyyymmdd} per business day, created before its first row, dropped
 * when older than the retention.
 */
@Component
public class TrackingPartitions {

	private static final Logger log = LoggerFactory.getLogger(TrackingPartitions.class);

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

	private static final String PREFIX = "tracking_event_";

	private final JdbcClient jdbc;

	/** Days known to have a partition (on this node): the recorder asks for each batch. */
	private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

	TrackingPartitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates the day's partition unless it exists (another node may create it at the same moment). */
	public void ensure(LocalDate day) {
		if (known.contains(day)) {
			return;
		}
		String name = PREFIX + SUFFIX.format(day);
		try {
			jdbc.sql("create table if not exists analytics." + name + " partition of analytics.tracking_event "
					+ "for values from ('" + day + "') to ('" + day.plusDays(1) + "')").update();
		}
		catch (DataAccessException e) {
			// a concurrent create wins the race: fine if the partition is there now
			if (!days().contains(day)) {
				throw e;
			}
		}
		known.add(day);
	}

	/** The days that have a partition, oldest first. */
	public List<LocalDate> days() {
		return jdbc.sql("""
				select c.relname from pg_inherits i
				  join pg_class c on c.oid = i.inhrelid
				  join pg_class p on p.oid = i.inhparent
				  join pg_namespace n on n.oid = p.relnamespace
				 where n.nspname = 'analytics' and p.relname = 'tracking_event'""")
			.query(String.class).list().stream()
			.filter(n -> n.startsWith(PREFIX))
			.map(n -> LocalDate.parse(n.substring(PREFIX.length()), SUFFIX))
			.sorted()
			.toList();
	}

	/** Drops the partitions of days before {@code firstKept}; answers the days dropped. */
	public List<LocalDate> dropBefore(LocalDate firstKept) {
		var dropped = days().stream().filter(d -> d.isBefore(firstKept)).toList();
		for (var day : dropped) {
			jdbc.sql("drop table if exists analytics." + PREFIX + SUFFIX.format(day)).update();
			known.remove(day);
		}
		if (!dropped.isEmpty()) {
			log.info("Tracking: dropped {} day partition(s) before {}", dropped.size(), firstKept);
		}
		return dropped;
	}
}
