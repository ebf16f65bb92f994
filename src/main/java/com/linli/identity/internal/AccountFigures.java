package com.linli.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.shared.ConsoleFigures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Residents registered, for the console home. */
@Component
class AccountFigures implements ConsoleFigures {

	private final JdbcClient jdbc;

	AccountFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Figure> figures(Optional<Set<Long>> regionScope) {
		long residents = jdbc.sql("select count(*) from identity.account_role where role = 'RESIDENT'")
			.query(Long.class).single();
		return List.of(new Figure(90, "console.figure.residents", String.format("%,d", residents), "/console/accounts"));
	}
}
