package org.coopflow;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to a running coopflow over real HTTP, as an API client (HTTP Basic) or as a person in a
 * browser (form sign-in, session cookie, no redirects followed so that tests see them).
 */
public final class TestHttp {

	public static final String DEMO_PASSWORD = "demo";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String base;

	private final HttpClient client;

	private TestHttp(int port, HttpClient client) {
		this.base = "http://localhost:" + port;
		this.client = client;
	}

	/** An API client without cookies. */
	public static TestHttp api(int port) {
		return new TestHttp(port, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
	}

	/**
	 * A browser that shares its cookies with other browsers made with the same {@code cookies}: one person's
	 * browser talking to several coopflow nodes behind one address, as a load balancer spreads its requests.
	 */
	public static TestHttp browser(int port, CookieManager cookies) {
		return new TestHttp(port, HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(cookies)
			.build());
	}

	/** A browser that keeps its cookies; call {@link #signIn} to open a session. */
	public static TestHttp browser(int port) {
		return new TestHttp(port, HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.build());
	}

	public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

		public JsonNode json() {
			try {
				return JSON.readTree(body);
			}
			catch (IOException e) {
				throw new AssertionError("Not JSON: " + body, e);
			}
		}

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		/** The value of a cookie this response sets, e.g. Camunda's {@code XSRF-TOKEN}. */
		public String cookie(String name) {
			return headers.allValues("Set-Cookie")
				.stream()
				.filter(cookie -> cookie.startsWith(name + "="))
				.map(cookie -> cookie.substring(name.length() + 1, cookie.indexOf(';')))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No " + name + " cookie was set"));
		}

		/** Spring Security's CSRF token in a page's form. */
		public String csrfToken() {
			Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(body);
			if (!token.find()) {
				throw new AssertionError("The page has no CSRF token: " + body);
			}
			return token.group(1);
		}

	}

	public Response get(String path) {
		return send("GET", path, null, null, null);
	}

	/** GET as the given demo user with HTTP Basic (null: anonymous). */
	public Response get(String path, String user) {
		return send("GET", path, user, null, null);
	}

	public Response send(String method, String path, String user, String contentType, String body) {
		return send(method, path, user, DEMO_PASSWORD, contentType, body);
	}

	public Response send(String method, String path, String user, String password, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.header("Accept", "application/json, application/problem+json, */*;q=0.5");
		if (user != null) {
			String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
			request.header("Authorization", "Basic " + credentials);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return execute(request.build());
	}

	/**
	 * POST {@code multipart/form-data} with one file part, as a browser's file upload sends it, as the
	 * given demo user (null: anonymous).
	 */
	public Response postFile(String path, String user, String part, String filename, String contentType,
			byte[] content) {
		HttpRequest.Builder request = multipart(path, part, filename, contentType, content)
			.header("Accept", "application/json, application/problem+json, */*;q=0.5");
		if (user != null) {
			String credentials = Base64.getEncoder()
				.encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
			request.header("Authorization", "Basic " + credentials);
		}
		return execute(request.build());
	}

	/**
	 * POST {@code multipart/form-data} as a signed-in browser's upload form sends it: this client's session cookie,
	 * the page's CSRF token as the form's {@code _csrf} field, then the file part.
	 */
	public Response uploadFile(String path, String csrfToken, String part, String filename, String contentType,
			byte[] content) {
		return execute(multipart(path, java.util.Map.of("_csrf", csrfToken), part, filename, contentType, content)
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.build());
	}

	private HttpRequest.Builder multipart(String path, String part, String filename, String contentType, byte[] content) {
		return multipart(path, java.util.Map.of(), part, filename, contentType, content);
	}

	private HttpRequest.Builder multipart(String path, java.util.Map<String, String> fields, String part, String filename,
			String contentType, byte[] content) {
		String boundary = "coopflow-" + java.util.UUID.randomUUID();
		StringBuilder before = new StringBuilder();
		fields.forEach((name, value) -> before.append("--").append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
		String head = before + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		return HttpRequest.newBuilder(URI.create(base + path))
			.POST(BodyPublishers.concat(BodyPublishers.ofString(head, StandardCharsets.UTF_8),
					BodyPublishers.ofByteArray(content), BodyPublishers.ofString(tail, StandardCharsets.UTF_8)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary);
	}

	/** A request with one extra header, as a browser's script sends it (with the session's cookies). */
	public Response sendWithHeader(String method, String path, String header, String value, String contentType,
			String body) {
		return sendWithHeaders(method, path, null, java.util.Map.of(header, value), contentType, body);
	}

	/** A request with extra headers, as the given demo user (null: no credentials). */
	public Response sendWithHeaders(String method, String path, String user, java.util.Map<String, String> headers,
			String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.header("Accept", "application/json")
			.header("Content-Type", contentType);
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		headers.forEach(request::setHeader);
		return execute(request.build());
	}

	/** Signs in through the login form at /login, as a person would; returns the form's answer. */
	public Response signIn(String user, String password) {
		String token = browse("/login").csrfToken();
		String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token);
		return send("POST", "/login", null, "application/x-www-form-urlencoded", form);
	}

	/** POSTs a form as a browser does: asks for HTML, so that an error is answered with the error page. */
	public Response submit(String path, String formBody) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(formBody, StandardCharsets.UTF_8))
			.build();
		return execute(request);
	}

	/** POSTs the form's fields (each URL-encoded, in the map's order) as a browser does; see {@link #submit(String, String)}. */
	public Response submit(String path, java.util.Map<String, String> fields) {
		return submit(path, fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(java.util.stream.Collectors.joining("&")));
	}

	/** Submits a form of {@code formPage} to {@code path}, with the CSRF token that page carries, as the browser does. */
	public Response submitFrom(String formPage, String path, java.util.Map<String, String> fields) {
		java.util.Map<String, String> all = new java.util.LinkedHashMap<>(fields);
		all.put("_csrf", browse(formPage).csrfToken());
		return submit(path, all);
	}

	/** GET as a browser does: asks for HTML. */
	public Response browse(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.GET()
			.build();
		return execute(request);
	}

	private Response execute(HttpRequest request) {
		try {
			var response = client.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
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
