package com.linli.leader;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * A monthly contest (月度评比) of a region: ranked by a metric, {@code winners} places each with its prize. Plain
 * Java: {@link #close} refuses a contest already closed and registers {@link ContestClosed}.
 */
public final class Contest {

	/** The prize of a rank: cash credited to the ledger and/or a description (coupon, goods) handed out. */
	public record Prize(int rank, Money cash, String description) {
	}

	private final ContestId id;

	private final RegionId regionId;

	private final YearMonth month;

	private final ContestMetric metric;

	private final String title;

	private final int winners;

	private final int minOrders;

	private final List<Prize> prizes;

	private ContestStatus status;

	private final int version;

	private Instant closedAt;

	private final List<Object> events = new ArrayList<>();

	public Contest(ContestId id, RegionId regionId, YearMonth month, ContestMetric metric, String title, int winners,
			int minOrders, List<Prize> prizes, ContestStatus status, int version, Instant closedAt) {
		this.id = id;
		this.regionId = regionId;
		this.month = month;
		this.metric = metric;
		this.title = title;
		this.winners = winners;
		this.minOrders = minOrders;
		this.prizes = List.copyOf(prizes);
		this.status = status;
		this.version = version;
		this.closedAt = closedAt;
	}

	/** Closes the contest: OPEN to CLOSED (a closed one: 409 {@code contest-closed}). */
	public void close(Instant at) {
		this.status = status.to(ContestStatus.CLOSED);
		this.closedAt = at;
		events.add(new ContestClosed(id, regionId, month));
	}

	public Prize prize(int rank) {
		return prizes.stream().filter(p -> p.rank() == rank).findFirst().orElse(new Prize(rank, Money.ZERO, null));
	}

	public List<Object> events() {
		return List.copyOf(events);
	}

	public ContestId id() {
		return id;
	}

	public RegionId regionId() {
		return regionId;
	}

	public YearMonth month() {
		return month;
	}

	public ContestMetric metric() {
		return metric;
	}

	public String title() {
		return title;
	}

	public int winners() {
		return winners;
	}

	public int minOrders() {
		return minOrders;
	}

	public List<Prize> prizes() {
		return prizes;
	}

	public ContestStatus status() {
		return status;
	}

	public int version() {
		return version;
	}

	public Instant closedAt() {
		return closedAt;
	}
}
