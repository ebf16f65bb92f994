package com.linli;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.linli.Api;

/** A multipart/form-data POST as a phone's form sends it: text fields and files, with the caller's bearer token. */
public final class Multipart {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** A small PNG (the signature and an IHDR chunk are what the image check reads). */
	public static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0,
			0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89, 0, 0, 0, 0, 'I', 'E', 'N', 'D',
			(byte) 0xAE, 'B', 0x60, (byte) 0x82 };

	record File(String name, String contentType, byte[] content) {
	}

	private final List<Object[]> parts = new ArrayList<>();

	public static Multipart form(Map<String, ?> fields) {
		var m = new Multipart();
		fields.forEach((k, v) -> m.parts.add(new Object[] { k, String.valueOf(v) }));
		return m;
	}

	public Multipart file(String field, String filename, String contentType, byte[] content) {
		parts.add(new Object[] { field, new File(filename, contentType, content) });
		return this;
	}

	public Api.Response post(int port, Api as, String path) {
		String boundary = "----linli" + UUID.randomUUID();
		var out = new ByteArrayOutputStream();
		for (Object[] p : parts) {
			write(out, "--" + boundary + "\r\n");
			if (p[1] instanceof File f) {
				write(out, "Content-Disposition: form-data; name=\"" + p[0] + "\"; filename=\"" + f.name() + "\"\r\n");
				write(out, "Content-Type: " + f.contentType() + "\r\n\r\n");
				out.writeBytes(f.content());
				write(out, "\r\n");
			}
			else {
				write(out, "Content-Disposition: form-data; name=\"" + p[0] + "\"\r\n\r\n" + p[1] + "\r\n");
			}
		}
		write(out, "--" + boundary + "--\r\n");
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json, application/problem+json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
		if (as.token() != null) {
			request.header("Authorization", "Bearer " + as.token());
		}
		try {
			var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Api.Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static void write(ByteArrayOutputStream out, String s) {
		out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
	}
}
