package com.linli.shared.events;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ node of Debian's {@code rabbitmq-server}, started by a test on free ports (AMQP, Erlang distribution
 * and its own epmd) with its data and logs under {@code target/}, no plugins, and always stopped again. It runs as
 * the current user (the {@code /usr/sbin} wrapper would switch to user rabbitmq); a stopped node keeps its data,
 * so {@link #start()} after {@link #stop()} is a broker restart with its durable queues.
 */
final class RabbitServer {

	static final Path WRAPPER = Path.of("/usr/sbin/rabbitmq-server");

	private static final Path BIN = Path.of("/usr/lib/rabbitmq/bin");

	static final String INSTALL = "apt-get install rabbitmq-server";

	private final Path dir;

	private final String node;

	private final int amqpPort;

	private final int distPort;

	private final int epmdPort;

	private Process process;

	RabbitServer(Path dir) throws IOException {
		this.dir = dir.toAbsolutePath();
		this.node = "linli-test-" + ProcessHandle.current().pid() + "@localhost";
		this.amqpPort = freePort();
		this.distPort = freePort();
		this.epmdPort = freePort();
		Files.createDirectories(this.dir);
		Files.writeString(this.dir.resolve("enabled_plugins"), "[].\n");
	}

	static boolean installed() {
		return Files.isExecutable(WRAPPER) && Files.isExecutable(BIN.resolve("rabbitmq-server"));
	}

	int port() {
		return amqpPort;
	}

	/** Starts the node and returns once it accepts AMQP connections and has booted. */
	Duration start() throws IOException, InterruptedException {
		long started = System.nanoTime();
		var builder = new ProcessBuilder(BIN.resolve("rabbitmq-server").toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.out").toFile()));
		builder.environment().putAll(environment());
		process = builder.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!accepts()) {
			if (!process.isAlive()) {
				throw new IllegalStateException("rabbitmq-server ended: see " + dir.resolve("server.out"));
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("rabbitmq-server did not start in 60 s: see " + dir);
			}
			Thread.sleep(100);
		}
		ctl("await_startup");
		return Duration.ofNanos(System.nanoTime() - started);
	}

	/** Stops the node (its data stays); a no-op when it is not running. */
	void stop() throws IOException, InterruptedException {
		if (process == null) {
			return;
		}
		try {
			ctl("stop");
		}
		finally {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
			}
			process = null;
		}
	}

	/** Stops the node and the epmd it started on its own port. */
	void close() throws IOException, InterruptedException {
		try {
			stop();
		}
		finally {
			var epmd = new ProcessBuilder("/usr/bin/epmd", "-kill").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD);
			epmd.environment().put("ERL_EPMD_PORT", Integer.toString(epmdPort));
			try {
				epmd.start().waitFor(10, TimeUnit.SECONDS);
			}
			catch (IOException ignored) {
				// no epmd binary on the path: it ends with the machine
			}
		}
	}

	private void ctl(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(BIN.resolve("rabbitmqctl").toString(), "-n", node));
		command.addAll(List.of(args));
		var builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("ctl.out").toFile()));
		builder.environment().putAll(environment());
		Process ctl = builder.start();
		if (!ctl.waitFor(60, TimeUnit.SECONDS)) {
			ctl.destroyForcibly();
			throw new IllegalStateException("rabbitmqctl " + args[0] + " hung: see " + dir.resolve("ctl.out"));
		}
		if (ctl.exitValue() != 0) {
			throw new IllegalStateException("rabbitmqctl " + args[0] + " failed: see " + dir.resolve("ctl.out"));
		}
	}

	private Map<String, String> environment() {
		return Map.of("RABBITMQ_NODENAME", node, "RABBITMQ_NODE_PORT", Integer.toString(amqpPort),
				"RABBITMQ_DIST_PORT", Integer.toString(distPort), "ERL_EPMD_PORT", Integer.toString(epmdPort),
				"RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString(), "RABBITMQ_LOG_BASE",
				dir.resolve("log").toString(), "RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString(),
				"RABBITMQ_PID_FILE", dir.resolve("rabbitmq.pid").toString(), "RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
	}

	private boolean accepts() {
		try (var socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", amqpPort), 200);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
