package com.linli.marketing.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.linli.Api;
import com.linli.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A burst of claims through HTTP from many threads: 150 residents, each claiming twice at once, for 60 coupons of
 * at most 1 each. Exactly 60 are issued, to 60 distinct residents; every other answer is "all gone" or "over the
 * limit"; the template's counter, the holdings and the coupons agree.
 */
@IntegrationTest
class CouponClaimConcurrencyTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void claimsNeverIssueMoreThanTheTotalNorMoreThanTheLimit() throws InterruptedException {
		var world = new CouponWorld(context, port);
		int total = 60;
		long template = world.template("抢券", 300, 0, 1, total);
		List<Api> residents = world.ordering.residents(150);
		List<Api> claims = new ArrayList<>();
		residents.forEach(r -> {
			claims.add(r);
			claims.add(r);
		});
		java.util.Collections.shuffle(claims, new java.util.Random(7));

		var next = new AtomicInteger();
		var answers = new ConcurrentHashMap<String, AtomicInteger>();
		var winners = ConcurrentHashMap.<String>newKeySet();
		int threads = 24;
		var go = new CountDownLatch(1);
		var done = new CountDownLatch(threads);
		for (int t = 0; t < threads; t++) {
			new Thread(() -> {
				try {
					go.await();
					for (int i; (i = next.getAndIncrement()) < claims.size();) {
						Api api = claims.get(i);
						var response = api.post("/api/marketing/coupons/claims", Map.of("templateId", template));
						String key = response.status() == 201 ? "201"
								: response.status() + " " + response.json().path("code").asText();
						answers.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
						if (response.status() == 201 && !winners.add(api.token())) {
							answers.computeIfAbsent("second win", k -> new AtomicInteger()).incrementAndGet();
						}
					}
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				finally {
					done.countDown();
				}
			}).start();
		}
		go.countDown();
		done.await();

		assertThat(answers.get("201")).as(answers.toString()).hasValue(total);
		assertThat(answers.keySet()).as(answers.toString())
			.allMatch(k -> k.equals("201") || k.equals("409 coupons-gone") || k.equals("409 coupon-limit-reached"));
		assertThat(winners).hasSize(total);
		assertThat(jdbc.sql("select issued from marketing.coupon_template where id = ?").param(template)
			.query(Integer.class).single()).isEqualTo(total);
		assertThat(jdbc.sql("select count(*) from marketing.coupon where template_id = ?").param(template)
			.query(Long.class).single()).isEqualTo(total);
		assertThat(jdbc.sql("select count(distinct resident_id) from marketing.coupon where template_id = ?").param(template)
			.query(Long.class).single()).isEqualTo(total);
		assertThat(jdbc.sql("select coalesce(sum(issued), 0) from marketing.coupon_holding where template_id = ?")
			.param(template).query(Long.class).single()).isEqualTo(total);
		assertThat(jdbc.sql("select count(*) from marketing.coupon_holding where template_id = ? and issued > 1")
			.param(template).query(Long.class).single()).isZero();
	}
}
