package com.linli.aftersales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.aftersales.internal.ServiceFigureQueries;
import com.linli.network.RegionId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A region's service by day (platform zone), for the analytics dashboard: complaints filed and how their SLA went,
 * and the product ratings of reviews posted. Set-based by region and date range.
 */
@Service("aftersalesServiceFigures")
@Transactional(readOnly = true)
public class ServiceFigures {

	private final ServiceFigureQueries queries;

	ServiceFigures(ServiceFigureQueries queries) {
		this.queries = queries;
	}

	/**
	 * Complaints filed on a day; of them, those whose SLA is decided at {@code now} (resolved, or past their
	 * resolution due), and those resolved by their resolution due.
	 */
	public record ComplaintDay(LocalDate date, long filed, long decided, long withinSla) {
	}

	/** Reviews posted on a day (hidden ones too: a rating is a rating) and the sum of their product stars. */
	public record ReviewDay(LocalDate date, long reviews, long stars) {
	}

	/** A complaint, for the list behind a service number. */
	public record ComplaintRow(long id, String complaintNo, String subject, String status, Instant filedAt,
			Instant resolutionDue, Instant resolvedAt) {
	}

	/** A review, for the list behind the satisfaction number. */
	public record ReviewRow(long id, long orderId, String skuName, int productStars, Instant createdAt) {
	}

	public List<ComplaintDay> complaintsByDay(RegionId region, LocalDate from, LocalDate to, Instant now) {
		return queries.complaintsByDay(region.value(), from, to, now);
	}

	public List<ReviewDay> reviewsByDay(RegionId region, LocalDate from, LocalDate to) {
		return queries.reviewsByDay(region.value(), from, to);
	}

	public List<ComplaintRow> complaints(RegionId region, LocalDate from, LocalDate to) {
		return queries.complaints(region.value(), from, to);
	}

	public List<ReviewRow> reviews(RegionId region, LocalDate from, LocalDate to) {
		return queries.reviews(region.value(), from, to);
	}
}
