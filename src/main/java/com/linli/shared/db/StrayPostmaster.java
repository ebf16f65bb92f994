package com.linli.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on our data directory by an application that died without stopping it
 * (kill -9, a crash): the embedded server is not a child of the JVM, so it outlives it, keeps the data
 * directory locked, and the next start would wait for its own server in vain. Before starting, this finds
 * it through {@code postmaster.pid} (first line the PID, second the data directory) and stops it: a fast
 * shutdown (SIGINT: sessions ended, a checkpoint written), SIGTERM if that cannot be sent, SIGKILL of the
 * server and its backends as the last resort; PostgreSQL's crash recovery then replays the WAL at the next
 * start, so every committed transaction survives. A PID that no longer belongs to a postgres of this data
 * directory is left alone; a lock file left by a server that has gone is PostgreSQL's own business.
 */
final class StrayPostmaster {

	private static final Logger log = LoggerFactory.getLogger(StrayPostmaster.class);

	static final Duration GRACE = Duration.ofSeconds(30);

	private StrayPostmaster() {
	}

	/** Stops the server still running on {@code dataDir}, if any; true if there was one. */
	static boolean stopIfRunning(Path dataDir) {
		Optional<ProcessHandle> stray = find(dataDir);
		if (stray.isEmpty()) {
			return false;
		}
		ProcessHandle postmaster = stray.get();
		log.warn("A PostgreSQL server (PID {}) is still running on {} from an earlier run that did not stop it: "
				+ "stopping it before starting again", postmaster.pid(), dataDir);
		List<ProcessHandle> backends = postmaster.descendants().toList();
		if (!signal("INT", postmaster) && !postmaster.destroy()) {
			log.warn("Could not signal PostgreSQL (PID {})", postmaster.pid());
		}
		if (awaitExit(postmaster, GRACE)) {
			log.info("The earlier PostgreSQL server (PID {}) has stopped", postmaster.pid());
			return true;
		}
		log.warn("PostgreSQL (PID {}) did not stop within {}: killing it and its backends", postmaster.pid(), GRACE);
		postmaster.destroyForcibly();
		backends.forEach(ProcessHandle::destroyForcibly);
		awaitExit(postmaster, Duration.ofSeconds(10));
		backends.forEach(b -> awaitExit(b, Duration.ofSeconds(5)));
		return true;
	}

	/** The live postgres process named in {@code postmaster.pid} whose data directory is {@code dataDir}. */
	static Optional<ProcessHandle> find(Path dataDir) {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(pidFile);
		}
		catch (IOException e) {
			log.warn("Could not read {}", pidFile, e);
			return Optional.empty();
		}
		if (lines.size() < 2) {
			return Optional.empty();
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).strip());
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
		if (pid == ProcessHandle.current().pid() || !sameDirectory(Path.of(lines.get(1).strip()), dataDir)) {
			// a copy of another server's directory: its PID is that server's, not ours to stop
			return Optional.empty();
		}
		return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(StrayPostmaster::isPostgres);
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(c -> Path.of(c).getFileName().toString()).map(name -> name.startsWith("postgres"))
			.orElse(false);
	}

	private static boolean sameDirectory(Path recorded, Path dataDir) {
		try {
			return Files.isSameFile(recorded, dataDir);
		}
		catch (IOException e) {
			return recorded.toAbsolutePath().normalize().equals(dataDir.toAbsolutePath().normalize());
		}
	}

	/** Sends a signal with the system's {@code kill}: Java can only send SIGTERM and SIGKILL. */
	private static boolean signal(String name, ProcessHandle process) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
				.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean awaitExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException e) {
			return !process.isAlive();
		}
		catch (java.util.concurrent.ExecutionException e) {
			return !process.isAlive();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}
}
