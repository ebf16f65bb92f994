package com.linli.demo.internal;

import java.time.LocalDate;
import java.util.List;

import com.linli.demo.LoadedCity;
import com.linli.demo.SimulatedDay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * After-sales in the demo city, once its history is replayed: requests on picked-up orders (quick refunds, a
 * queue, a return waiting for its leader), complaints at every stage of their SLA, reviews and the help centre,
 * and the quality check of each history day. A part that fails is logged and the city starts without it.
 */
@Component
class AfterSalesDemos {

	private static final Logger log = LoggerFactory.getLogger(AfterSalesDemos.class);

	private final AfterSalesDemo requests;

	private final ComplaintsDemo complaints;

	private final ReviewsDemo reviews;

	private final AfterSalesReportsDemo reports;

	AfterSalesDemos(AfterSalesDemo requests, ComplaintsDemo complaints, ReviewsDemo reviews,
			AfterSalesReportsDemo reports) {
		this.requests = requests;
		this.complaints = complaints;
		this.reviews = reviews;
		this.reports = reports;
	}

	void seed(LoadedCity city, List<SimulatedDay> history) {
		run("requests", () -> requests.seed(city));
		run("complaints", () -> complaints.seed(city));
		run("reviews", () -> reviews.seed(city));
		run("quality check", () -> city.regions().forEach(region -> reports.checkHistory(region, history.stream()
			.filter(d -> d.region().equals(region) && d.complete())
			.map(SimulatedDay::pickupDate)
			.distinct()
			.toList())));
	}

	private static void run(String part, Runnable seed) {
		try {
			seed.run();
		}
		catch (RuntimeException e) {
			log.error("Demo city: after-sales {} could not be seeded; the city starts without them", part, e);
		}
	}
}
