package com.linli.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection over a blocking socket, the load generators' client: it writes a
 * whole request in one go and reads the status line, the headers and the body (by Content-Length or
 * chunked). The JDK's HttpClient costs several times the CPU per request, and the benchmarks share two
 * cores with the server they measure; what this one spends is close to what wrk would.
 */
final class RawHttpConnection implements Closeable {

	record Response(int status, String body) {
	}

	private final String host;

	private final int port;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	RawHttpConnection(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/** Parses {@code http://host:port} (the benchmarks' base URL). */
	static RawHttpConnection to(String base) {
		var uri = java.net.URI.create(base);
		return new RawHttpConnection(uri.getHost(), uri.getPort());
	}

	/**
	 * POSTs a JSON body with the given headers (name, value, ...). A connection the server closed while
	 * idle is opened again once; any other failure is thrown.
	 */
	Response post(String path, String json, String... headers) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		var head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host)
			.append(':').append(port)
			.append("\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ")
			.append(body.length).append("\r\n");
		for (int i = 0; i < headers.length; i += 2) {
			head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
		}
		head.append("\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] request = new byte[headBytes.length + body.length];
		System.arraycopy(headBytes, 0, request, 0, headBytes.length);
		System.arraycopy(body, 0, request, headBytes.length, body.length);
		boolean fresh = socket == null;
		try {
			return exchange(request);
		}
		catch (IOException e) {
			close();
			if (fresh) {
				throw e;
			}
			return exchange(request);
		}
	}

	private Response exchange(byte[] request) throws IOException {
		if (socket == null) {
			socket = new Socket();
			socket.setTcpNoDelay(true);
			socket.setSoTimeout(30_000);
			socket.connect(new InetSocketAddress(host, port), 5_000);
			out = socket.getOutputStream();
			in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
		}
		out.write(request);
		out.flush();
		String statusLine = line();
		if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
			throw new IOException("not an HTTP/1.1 answer: " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		int length = -1;
		boolean chunked = false;
		boolean closes = false;
		for (String header; !(header = line()).isEmpty();) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim();
			String value = header.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				length = Integer.parseInt(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
				chunked = true;
			}
			else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
				closes = true;
			}
		}
		String body;
		if (chunked) {
			var all = new ByteArrayOutputStream();
			for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0;) {
				all.write(exactly(size));
				line();
			}
			while (!line().isEmpty()) {
				// trailers
			}
			body = all.toString(StandardCharsets.UTF_8);
		}
		else {
			body = new String(exactly(Math.max(length, 0)), StandardCharsets.UTF_8);
		}
		if (closes) {
			close();
		}
		return new Response(status, body);
	}

	private byte[] exactly(int n) throws IOException {
		byte[] bytes = in.readNBytes(n);
		if (bytes.length < n) {
			throw new EOFException("answer cut short");
		}
		return bytes;
	}

	/** One header line without its CRLF. */
	private String line() throws IOException {
		var line = new StringBuilder(64);
		for (int c; (c = in.read()) != '\n';) {
			if (c < 0) {
				throw new EOFException("connection closed");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException e) {
				// closing anyway
			}
		}
		socket = null;
		out = null;
		in = null;
	}
}
