package com.linli.fulfilment.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import javax.sql.DataSource;

import com.linli.network.RegionId;

/**
 * Only one attempt at a time works on a region's cutoff, on this node or any other: a PostgreSQL
 * advisory lock taken in a transaction kept open on a connection of its own. If the process dies,
 * the database ends the session and the lock goes with it, so a crashed run can be resumed at once.
 */
final class CutoffLock implements AutoCloseable {

	private final Connection connection;

	private CutoffLock(Connection connection) {
		this.connection = connection;
	}

	static Optional<CutoffLock> tryAcquire(DataSource dataSource, RegionId region, LocalDate pickupDate) {
		Connection connection = null;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(false);
			try (var ps = connection.prepareStatement("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
				ps.setString(1, "linli.cutoff:" + region.value() + ":" + pickupDate);
				try (var rs = ps.executeQuery()) {
					rs.next();
					if (rs.getBoolean(1)) {
						return Optional.of(new CutoffLock(connection));
					}
				}
			}
			connection.rollback();
			connection.close();
			return Optional.empty();
		}
		catch (SQLException e) {
			closeQuietly(connection);
			throw new IllegalStateException("Could not take the cutoff lock of region " + region + " for " + pickupDate, e);
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
