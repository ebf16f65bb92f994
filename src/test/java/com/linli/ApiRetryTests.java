package com.linli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test client survives a server that closes a connection before answering (a keep-alive connection
 * the server dropped while the client was sending, common on a busy machine): it sends the request again
 * on a new connection. A connection closed after the answer began is an error, never retried.
 */
class ApiRetryTests {

	/** A one-thread HTTP server: the first {@code drops} connections are read and closed unanswered. */
	static final class DroppingServer implements AutoCloseable {

		final ServerSocket socket = new ServerSocket(0);

		final AtomicInteger requests = new AtomicInteger();

		DroppingServer(int drops, String partialAnswer) throws IOException {
			Thread thread = new Thread(() -> {
				while (!socket.isClosed()) {
					try (Socket s = socket.accept()) {
						readHeaders(s.getInputStream());
						int n = requests.incrementAndGet();
						if (n <= drops) {
							if (partialAnswer != null) {
								s.getOutputStream().write(partialAnswer.getBytes(StandardCharsets.US_ASCII));
								s.getOutputStream().flush();
							}
							continue;
						}
						byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
						s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
								+ body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
						s.getOutputStream().write(body);
						s.getOutputStream().flush();
					}
					catch (IOException e) {
						// closed
					}
				}
			}, "dropping-server");
			thread.setDaemon(true);
			thread.start();
		}

		int port() {
			return socket.getLocalPort();
		}

		static void readHeaders(InputStream in) throws IOException {
			int matched = 0;
			byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
			int b;
			while (matched < end.length && (b = in.read()) >= 0) {
				matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
			}
		}

		@Override
		public void close() throws IOException {
			socket.close();
		}
	}

	@Test
	void aConnectionClosedBeforeAnyByteOfTheAnswerIsTriedAgain() throws IOException {
		try (var server = new DroppingServer(2, null)) {
			var response = Api.at(server.port()).get("/api/anything");
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().get("ok").asBoolean()).isTrue();
			assertThat(server.requests.get()).isEqualTo(3);
		}
	}

	@Test
	void aConnectionClosedAfterTheAnswerBeganIsAnError() throws IOException {
		try (var server = new DroppingServer(1, "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"half")) {
			assertThatThrownBy(() -> Api.at(server.port()).get("/api/anything")).isInstanceOf(IllegalStateException.class);
			assertThat(server.requests.get()).isEqualTo(1);
		}
	}
}
