package com.linli.bench;

import java.sql.Timestamp;
import java.util.Map;

import com.linli.TestClock;
import com.linli.identity.CurrentUser;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's baseline: the same stack (Tomcat, Spring Security with a bearer token, JSON) doing
 * one insert transaction and nothing else. Only present when the benchmark runs.
 */
@RestController
@ConditionalOnProperty(name = "linli.bench.baseline", havingValue = "true")
class BaselineRestController {

	private final JdbcClient jdbc;

	BaselineRestController(JdbcClient jdbc) {
		this.jdbc = jdbc;
		jdbc.sql("""
				create table if not exists public.bench_baseline (id bigint generated always as identity primary key,
				    account_id bigint not null, payload text not null, created_at timestamptz not null)""").update();
	}

	@PostMapping("/api/bench/baseline")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	Map<String, Object> insert(@RequestBody Map<String, Object> body) {
		long id = jdbc.sql("insert into public.bench_baseline (account_id, payload, created_at) values (?, ?, ?) returning id")
			.params(CurrentUser.require().id().value(), body.toString(), Timestamp.from(TestClock.now()))
			.query(Long.class).single();
		return Map.of("id", id);
	}
}
