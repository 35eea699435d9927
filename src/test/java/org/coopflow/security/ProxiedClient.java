package org.coopflow.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.coopflow.TestHttp;

/**
 * A client behind a reverse proxy on this machine: every request carries the proxy's
 * {@code X-Forwarded-*} headers, which coopflow trusts from a loopback peer. Lets a test act from its
 * own client address, or over TLS, without touching what other tests' requests look like.
 */
final class ProxiedClient {

	private final String base;

	private final Map<String, String> forwarded = new LinkedHashMap<>();

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.cookieHandler(new CookieManager())
		.build();

	private ProxiedClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/** A client whose address, as the proxy reports it, is the given one. */
	static ProxiedClient from(int port, String clientAddress) {
		ProxiedClient client = new ProxiedClient(port);
		client.forwarded.put("X-Forwarded-For", clientAddress);
		return client;
	}

	/** A browser whose request reached the proxy over HTTPS. */
	static ProxiedClient overTls(int port) {
		ProxiedClient client = new ProxiedClient(port);
		client.forwarded.put("X-Forwarded-Proto", "https");
		return client;
	}

	/** GET with HTTP Basic. */
	TestHttp.Response get(String path, String user, String password) {
		return execute(request(path).header("Accept", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.GET());
	}

	TestHttp.Response browse(String path) {
		return execute(request(path).header("Accept", "text/html").GET());
	}

	/** The sign-in form, as a browser sends it. */
	TestHttp.Response signIn(String user, String password) {
		String token = browse("/login").csrfToken();
		String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token);
		return execute(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form)));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
		forwarded.forEach(request::header);
		return request;
	}

	private TestHttp.Response execute(HttpRequest.Builder builder) {
		HttpRequest request = builder.build();
		try {
			var response = client.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new TestHttp.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), response.headers());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
