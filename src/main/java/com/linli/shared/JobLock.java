package com.linli.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Only one run of a job at a time, on this node or any other: a PostgreSQL advisory lock (named, hashed) taken in
 * a transaction kept open on a connection of its own (as fulfilment's cutoff lock). If the process dies, the
 * database ends the session and the lock goes with it. Scheduled jobs take it and skip the round when another
 * node holds it; each job is idempotent, so a round skipped or repeated changes nothing.
 */
public final class JobLock implements AutoCloseable {

	private final Connection connection;

	private JobLock(Connection connection) {
		this.connection = connection;
	}

	public static Optional<JobLock> tryAcquire(DataSource dataSource, String name) {
		Connection connection = null;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(false);
			try (var ps = connection.prepareStatement("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
				ps.setString(1, name);
				try (var rs = ps.executeQuery()) {
					rs.next();
					if (rs.getBoolean(1)) {
						return Optional.of(new JobLock(connection));
					}
				}
			}
			close(connection);
			return Optional.empty();
		}
		catch (SQLException e) {
			close(connection);
			throw new IllegalStateException("Could not take the job lock " + name, e);
		}
	}

	@Override
	public void close() {
		close(connection);
	}

	private static void close(Connection connection) {
		if (connection == null) {
			return;
		}
		try {
			connection.rollback();
		}
		catch (SQLException ignored) {
			// closing the connection ends the transaction anyway
		}
		try {
			connection.setAutoCommit(true);
			connection.close();
		}
		catch (SQLException ignored) {
			// the pool discards a broken connection
		}
	}
}
