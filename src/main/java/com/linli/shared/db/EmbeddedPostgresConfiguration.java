package com.linli.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

/**
 * Starts PostgreSQL inside the JVM when no {@code spring.datasource.url} is configured, keeping its
 * files in {@code linli.db.data-dir} (default {@code ./data}) so everything survives a restart.
 * Durability is switched back on explicitly: zonky's defaults turn fsync and synchronous commit off,
 * and a crash would then lose paid orders. A server left running on the directory by an application that
 * was killed is stopped first ({@link StrayPostmaster}), so the application starts again by itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	/** One server per data directory and JVM, shared by every Spring context (tests cache several). */
	private static final Map<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

	@Bean
	DataSource dataSource(@Value("${linli.db.data-dir:./data}") String dataDir,
			@Value("${linli.db.clean-on-start:false}") boolean cleanOnStart,
			@Value("${linli.db.port:0}") int port,
			@Value("${linli.db.pool-size:24}") int poolSize,
			@Value("${linli.db.durable:true}") boolean durable) {
		Path dir = Path.of(dataDir).toAbsolutePath().normalize();
		EmbeddedPostgres pg = SERVERS.computeIfAbsent(dir, d -> start(d, cleanOnStart, port, durable));
		ensureDatabase(pg);
		var config = new HikariConfig();
		config.setJdbcUrl(pg.getJdbcUrl("postgres", "linli"));
		config.setUsername("postgres");
		config.setMaximumPoolSize(poolSize);
		config.setPoolName("linli");
		return new HikariDataSource(config);
	}

	private static EmbeddedPostgres start(Path dir, boolean clean, int port, boolean durable) {
		try {
			if (clean) {
				FileSystemUtils.deleteRecursively(dir);
			}
			Files.createDirectories(dir);
			// after a kill -9 of the application its server is still running here: stop it, then start afresh
			StrayPostmaster.stopIfRunning(dir);
			log.info("Starting embedded PostgreSQL in {}", dir);
			var builder = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setServerConfig("fsync", durable ? "on" : "off")
				.setServerConfig("synchronous_commit", durable ? "on" : "off")
				.setServerConfig("full_page_writes", durable ? "on" : "off")
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", "512MB")
				.setServerConfig("work_mem", "32MB")
				.setServerConfig("maintenance_work_mem", "256MB")
				.setServerConfig("max_wal_size", "4GB")
				.setServerConfig("timezone", "UTC")
				.setPGStartupWait(java.time.Duration.ofSeconds(60));
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres pg = builder.start();
			// Boot runs these after every application context has closed, so pools and listeners finish first.
			SpringApplication.getShutdownHandlers().add(() -> {
				try {
					pg.close();
				}
				catch (IOException e) {
					log.warn("Embedded PostgreSQL did not stop cleanly", e);
				}
			});
			return pg;
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not start embedded PostgreSQL in " + dir, e);
		}
	}

	private static void ensureDatabase(EmbeddedPostgres pg) {
		try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
			var rs = s.executeQuery("select 1 from pg_database where datname = 'linli'");
			if (!rs.next()) {
				s.execute("create database linli encoding 'UTF8' template template0");
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create the linli database", e);
		}
	}
}
