package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.reference.Office;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Personal API tokens over real HTTP and the real database: issued once, used with Bearer on /api only,
 * listed without their secrets, revoked, expired, stopped with their account, and never a password hash.
 */
@CoopflowTest
@Import(ApiTokenTests.Counting.class)
// the counting encoder makes an application context of its own: in the JVM of the shared test context it
// would take over Camunda's static engine registry, and Camunda's webapps there would answer from this
// test's database
@Tag("restarts")
class ApiTokenTests {

	/** Counts every use of the application's PasswordEncoder bean (both chains and MeController use it). */
	@TestConfiguration
	static class Counting {

		static final AtomicInteger uses = new AtomicInteger();

		@Bean
		static BeanPostProcessor countPasswordEncoder() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof PasswordEncoder encoder)) {
						return bean;
					}
					return new PasswordEncoder() {
						@Override
						public String encode(CharSequence raw) {
							uses.incrementAndGet();
							return encoder.encode(raw);
						}

						@Override
						public boolean matches(CharSequence raw, String encoded) {
							uses.incrementAndGet();
							return encoder.matches(raw, encoded);
						}

						@Override
						public boolean upgradeEncoding(String encoded) {
							return encoder.upgradeEncoding(encoded);
						}
					};
				}
			};
		}

	}

	static final String PASSWORD = "token-owner-pass-1";

	@LocalServerPort
	int port;

	@Autowired
	AccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcClient jdbc;

	TestHttp api() {
		return TestHttp.api(port);
	}

	String person(String username) {
		accounts.insert(username, passwordEncoder.encode(PASSWORD), "Token Owner", Role.PROGRAMME_OFFICER,
				Office.CPCJD, null);
		return username;
	}

	TestHttp.Response create(String username, String json) {
		return api().send("POST", "/api/me/tokens", username, PASSWORD, "application/json", json);
	}

	String token(String username) {
		TestHttp.Response created = create(username, "{\"name\": \"ledger sync\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("token").asText();
	}

	TestHttp.Response bearer(String method, String path, String token) {
		return api().sendWithHeaders(method, path, null, Map.of("Authorization", "Bearer " + token),
				"application/json", null);
	}

	static void assertRefused(TestHttp.Response response, String detail) {
		assertThat(response.status()).as(response.body()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("detail").asText()).contains(detail);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void tokenIsCreatedUsedListedAndRevoked() {
		String owner = person("tokenOwner");
		TestHttp.Response created = create(owner, "{\"name\": \"ledger sync\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String token = created.json().path("token").asText();
		long id = created.json().path("id").asLong();
		assertThat(token).matches("cf_[A-Za-z0-9_-]{43}");
		assertThat(created.header("Location")).isEqualTo("/api/me/tokens/" + id);
		Instant expiresAt = Instant.parse(created.json().path("expiresAt").asText());
		assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));

		JsonNode me = bearer("GET", "/api/me", token).json();
		assertThat(me.path("username").asText()).isEqualTo(owner);

		TestHttp.Response listed = api().send("GET", "/api/me/tokens", owner, PASSWORD, null, null);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body()).doesNotContain(token.substring(3));
		JsonNode entry = listed.json().get(0);
		assertThat(entry.path("id").asLong()).isEqualTo(id);
		assertThat(entry.path("name").asText()).isEqualTo("ledger sync");
		assertThat(entry.has("token")).isFalse();
		assertThat(entry.path("createdAt").isTextual()).isTrue();
		assertThat(Instant.parse(entry.path("lastUsedAt").asText())).isAfter(Instant.now().minusSeconds(60));
		assertThat(entry.path("revokedAt").isNull() || entry.path("revokedAt").isMissingNode()).isTrue();

		// someone else's token is not theirs to revoke, nor to learn of
		String other = person("tokenStranger");
		assertThat(api().send("DELETE", "/api/me/tokens/" + id, other, PASSWORD, null, null).status()).isEqualTo(404);
		assertThat(bearer("GET", "/api/me", token).status()).isEqualTo(200);

		assertThat(api().send("DELETE", "/api/me/tokens/" + id, owner, PASSWORD, null, null).status()).isEqualTo(204);
		assertRefused(bearer("GET", "/api/me", token), "revoked");
		assertThat(api().send("GET", "/api/me/tokens", owner, PASSWORD, null, null).json().get(0).path("revokedAt").isTextual())
			.isTrue();
	}

	@Test
	void onlyTheHashIsStored() {
		String owner = person("tokenHashed");
		String token = token(owner);
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT t.* FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE u.username = ?""")
			.param(owner)
			.query()
			.listOfRows();
		assertThat(rows).hasSize(1);
		Map<String, Object> row = rows.get(0);
		assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(token.substring(3)));
		String hash = row.entrySet()
			.stream()
			.filter(column -> column.getKey().equalsIgnoreCase("token_hash"))
			.findFirst()
			.orElseThrow()
			.getValue()
			.toString();
		assertThat(hash).isEqualTo(ApiTokens.hash(token)).hasSize(64);
	}

	@Test
	void requestsWithATokenCheckNoPassword() {
		String token = token(person("tokenNoHash"));
		int before = Counting.uses.get();
		for (int i = 0; i < 5; i++) {
			assertThat(bearer("GET", "/api/me", token).status()).isEqualTo(200);
			assertThat(bearer("GET", "/api/standards", token).status()).isEqualTo(200);
		}
		assertRefused(bearer("GET", "/api/me", "cf_wrong"), "not valid");
		// well-formed, so looked up, and not found: one character changed
		String altered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
		assertRefused(bearer("GET", "/api/me", altered), "not valid");
		assertThat(Counting.uses.get()).isEqualTo(before);
		// the counter does count: a Basic request checks the password
		assertThat(api().send("GET", "/api/me", "tokenNoHash", PASSWORD, null, null).status()).isEqualTo(200);
		assertThat(Counting.uses.get()).isGreaterThan(before);
	}

	@Test
	void expiredTokenIsRefused() {
		JsonNode created = create(person("tokenExpired"), "{\"name\": \"short\", \"expiresInDays\": 1}").json();
		String token = created.path("token").asText();
		assertThat(bearer("GET", "/api/me", token).status()).isEqualTo(200);
		jdbc.sql("UPDATE api_token SET expires_at = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), created.path("id").asLong())
			.update();
		assertRefused(bearer("GET", "/api/me", token), "expired");
	}

	@Test
	void disabledAccountsTokensStopWorking() {
		String owner = person("tokenDisabled");
		String token = token(owner);
		assertThat(bearer("GET", "/api/me", token).status()).isEqualTo(200);
		jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = ?").param(owner).update();
		assertRefused(bearer("GET", "/api/me", token), "disabled");
	}

	@Test
	void wrongTokensAreRefusedAndNotCountedAgainstSignIn() {
		String owner = person("tokenGuessed");
		// more than the 50 failures per address after which the throttle would hold this address back
		for (int i = 0; i < 60; i++) {
			// well-formed guesses, so that each is looked up as a real one would be
			assertRefused(bearer("GET", "/api/me", "cf_%043d".formatted(i)), "not valid");
		}
		assertThat(api().send("GET", "/api/me", owner, PASSWORD, null, null).status()).isEqualTo(200);
	}

	@Test
	void tokensAreAcceptedOnApiOnly() {
		String officer = person("tokenOfficer");
		String token = token(officer);
		// the API chain's other paths refuse it and say where it belongs
		assertRefused(bearer("GET", "/engine-rest/task", token), "/api/**");
		assertRefused(bearer("GET", "/actuator/health", token), "/api/**");
		// the pages and Camunda's webapps never read it: the request is anonymous there
		for (String page : List.of("/", "/programmes", "/camunda/app/tasklist/default/",
				"/camunda/api/engine/engine/default/task/count")) {
			TestHttp.Response response = bearer("GET", page, token);
			assertThat(response.status()).as(page).isIn(302, 401);
			if (response.status() == 302) {
				assertThat(response.header("Location")).as(page).endsWith("/login");
			}
		}
		// the same officer with a password reaches Tasklist's REST API
		assertThat(api().send("GET", "/engine-rest/task", officer, PASSWORD, null, null).status()).isEqualTo(200);
	}

	@Test
	void aTokenCannotManageTokens() {
		String owner = person("tokenManager");
		String token = token(owner);
		TestHttp.Response minted = api().sendWithHeaders("POST", "/api/me/tokens", null,
				Map.of("Authorization", "Bearer " + token), "application/json", "{\"name\": \"successor\"}");
		assertThat(minted.status()).isEqualTo(403);
		assertThat(minted.contentType()).startsWith("application/problem+json");
		assertThat(bearer("GET", "/api/me/tokens", token).status()).isEqualTo(403);
		long id = api().send("GET", "/api/me/tokens", owner, PASSWORD, null, null).json().get(0).path("id").asLong();
		assertThat(bearer("DELETE", "/api/me/tokens/" + id, token).status()).isEqualTo(403);
		assertThat(api().send("GET", "/api/me/tokens", owner, PASSWORD, null, null).json()).hasSize(1);
	}

	@Test
	void badInputNamesTheField() {
		String owner = person("tokenBadInput");
		assertInvalid(create(owner, "{\"name\": \" \"}"), "name");
		assertInvalid(create(owner, "{\"name\": \"x\", \"expiresInDays\": 366}"), "expiresInDays");
		assertInvalid(create(owner, "{\"name\": \"x\", \"expiresInDays\": 0}"), "expiresInDays");
		assertInvalid(create(owner, "{\"name\": \"x\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}"), "expiresAt");
		assertInvalid(create(owner, "{\"name\": \"x\", \"expiresAt\": \"" + Instant.now().plus(Duration.ofDays(400))
				+ "\"}"), "expiresAt");
		assertInvalid(create(owner, "{\"name\": \"x\", \"expiresAt\": \"next week\"}"), "expiresAt");
		assertInvalid(create(owner, "{\"name\": \"x\", \"expiresInDays\": 5, \"expiresAt\": \""
				+ Instant.now().plus(Duration.ofDays(5)) + "\"}"), "expiresAt");
		TestHttp.Response chosen = create(owner, "{\"name\": \"x\", \"expiresAt\": \"" + Instant.now().plus(Duration.ofDays(7))
				+ "\"}");
		assertThat(chosen.status()).isEqualTo(201);
		assertThat(api().send("GET", "/api/me/tokens", owner, PASSWORD, null, null).json()).hasSize(1);
	}

	static void assertInvalid(TestHttp.Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
	}

	@Test
	void lastUseIsWrittenAtMostOnceAMinute() {
		JsonNode created = create(person("tokenLastUse"), "{\"name\": \"often used\"}").json();
		String token = created.path("token").asText();
		long id = created.path("id").asLong();
		// whole seconds: MariaDB's TIMESTAMP keeps no fraction
		Timestamp recent = Timestamp.from(Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS));
		jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(recent, id).update();
		assertThat(bearer("GET", "/api/me", token).status()).isEqualTo(200);
		assertThat(lastUse(id)).isEqualTo(recent.toInstant());

		Timestamp old = Timestamp.from(Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS));
		jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(old, id).update();
		assertThat(bearer("GET", "/api/me", token).status()).isEqualTo(200);
		assertThat(lastUse(id)).isAfter(Instant.now().minusSeconds(60));
	}

	Instant lastUse(long id) {
		return jdbc.sql("SELECT last_used_at FROM api_token WHERE id = ?").param(id).query(Timestamp.class).single().toInstant();
	}

}
