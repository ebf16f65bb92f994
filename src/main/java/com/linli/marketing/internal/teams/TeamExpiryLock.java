package com.linli.marketing.internal.teams;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Only one expiry run at a time, on this node or any other: a PostgreSQL advisory lock taken in a
 * transaction kept open on a connection of its own (as the cutoff's lock). If the process dies the
 * database ends the session and the lock goes with it.
 */
final class TeamExpiryLock implements AutoCloseable {

	private final Connection connection;

	private TeamExpiryLock(Connection connection) {
		this.connection = connection;
	}

	static Optional<TeamExpiryLock> tryAcquire(DataSource dataSource) {
		Connection connection = null;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(false);
			try (var ps = connection.prepareStatement("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
				ps.setString(1, "linli.marketing.team-expiry");
				try (var rs = ps.executeQuery()) {
					rs.next();
					if (rs.getBoolean(1)) {
						return Optional.of(new TeamExpiryLock(connection));
					}
				}
			}
			closeQuietly(connection);
			return Optional.empty();
		}
		catch (SQLException e) {
			closeQuietly(connection);
			throw new IllegalStateException("Could not take the team expiry lock", e);
		}
	}

	@Override
	public void close() {
		closeQuietly(connection);
	}

	private static void closeQuietly(Connection connection) {
		if (connection == null) {
			return;
		}
		try {
			connection.rollback();
		}
		catch (SQLException ignored) {
			// closing the connection below ends the transaction anyway
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
