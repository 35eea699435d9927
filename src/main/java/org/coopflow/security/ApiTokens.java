package org.coopflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.coopflow.reference.Office;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens: issued, checked, listed and revoked. A token is {@code cf_} and 32 random bytes
 * (256 bits) in URL-safe Base64; only its SHA-256 is stored.
 * <p>
 * Why SHA-256 and not BCrypt: BCrypt's cost is there to slow down guessing a password a person chose,
 * which an attacker who has the table can try from a dictionary. A 256-bit secret from SecureRandom
 * has no dictionary: 2^256 guesses are out of reach at any hashing speed, so a fast hash loses nothing,
 * and each request with a token costs one SHA-256 and one indexed lookup instead of a BCrypt check.
 */
@Service
class ApiTokens {

	static final String PREFIX = "cf_";

	static final int DEFAULT_DAYS = 90;

	static final int MAX_DAYS = 365;

	/** Last use is written at most this often per token, not on every request (it would be a write per call). */
	static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

	private static final int SECRET_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** {@link #PREFIX} and 32 bytes in URL-safe Base64 without padding: 43 characters. */
	private static final java.util.regex.Pattern WELL_FORMED = java.util.regex.Pattern.compile("cf_[A-Za-z0-9_-]{43}");

	private final JdbcClient jdbc;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Issued(long id, String name, String token, Instant createdAt, Instant expiresAt) {
	}

	record Listed(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
	}

	/** What a request's token says, read in one query with its account. */
	private record Found(long id, Instant expiresAt, Instant lastUsedAt, Instant revokedAt, Account account) {
	}

	Issued issue(String username, String name, Instant expiresAt) {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		long userId = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO api_token (user_id, name, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
			.params(userId, name, hash(token), Timestamp.from(now), Timestamp.from(expiresAt))
			.update(keys, "id");
		return new Issued(keys.getKey().longValue(), name, token, now, expiresAt);
	}

	List<Listed> list(String username) {
		return jdbc.sql("""
				SELECT t.id, t.name, t.created_at, t.expires_at, t.last_used_at, t.revoked_at
				FROM api_token t JOIN app_user u ON u.id = t.user_id
				WHERE u.username = ? ORDER BY t.created_at DESC, t.id DESC""")
			.param(username)
			.query((rs, row) -> new Listed(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)),
					instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
			.list();
	}

	/** @return false when the user has no such token (or it was revoked before) */
	boolean revoke(String username, long id) {
		return jdbc.sql("""
				UPDATE api_token SET revoked_at = ?
				WHERE id = ? AND revoked_at IS NULL AND user_id = (SELECT id FROM app_user WHERE username = ?)""")
			.params(Timestamp.from(clock.instant()), id, username)
			.update() == 1;
	}

	/** Revokes every token of the user not yet revoked; @return how many */
	int revokeAll(String username) {
		return jdbc.sql("""
				UPDATE api_token SET revoked_at = ?
				WHERE revoked_at IS NULL AND user_id = (SELECT id FROM app_user WHERE username = ?)""")
			.params(Timestamp.from(clock.instant()), username)
			.update();
	}

	boolean exists(String username, long id) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE t.id = ? AND u.username = ?""")
			.params(id, username)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The user a token speaks for.
	 * @throws ApiTokenRejectedException naming why in words safe for the client
	 */
	ApiTokenAuthentication authenticate(String token) {
		// what no issued token can be is refused without a database round trip
		if (!WELL_FORMED.matcher(token).matches()) {
			throw new ApiTokenRejectedException("The API token is not valid.");
		}
		Found found = find(hash(token)).orElseThrow(() -> new ApiTokenRejectedException("The API token is not valid."));
		Instant now = clock.instant();
		if (found.revokedAt() != null) {
			throw new ApiTokenRejectedException("The API token has been revoked.");
		}
		if (!now.isBefore(found.expiresAt())) {
			throw new ApiTokenRejectedException("The API token has expired; create a new one.");
		}
		if (!found.account().enabled()) {
			throw new ApiTokenRejectedException("The API token's account is disabled.");
		}
		if (found.lastUsedAt() == null || found.lastUsedAt().plus(LAST_USE_PRECISION).isBefore(now)) {
			// conditional, so that concurrent requests on several nodes write it once between them
			try {
				jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
					.params(Timestamp.from(now), found.id(), Timestamp.from(now.minus(LAST_USE_PRECISION)))
					.update();
			}
			catch (TransientDataAccessException e) {
				// a lock wait or deadlock with another node's same write: that one records the use, and
				// last use is approximate anyway; the request, already checked, goes on
			}
		}
		CoopflowUser user = new CoopflowUser(found.account());
		// the principal lives for this request only, but it need not carry the password's hash there
		user.eraseCredentials();
		return new ApiTokenAuthentication(user, found.id());
	}

	private Optional<Found> find(String tokenHash) {
		return jdbc.sql("""
				SELECT t.id, t.expires_at, t.last_used_at, t.revoked_at,
				  u.id, u.username, u.password_hash, u.display_name, u.email, u.role, u.office_code, u.country_code, u.enabled
				FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = ?""")
			.param(tokenHash)
			.query((rs, row) -> new Found(rs.getLong(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
					instant(rs.getTimestamp(4)),
					new Account(rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
							Role.valueOf(rs.getString(10)),
							rs.getString(11) == null ? null : Office.valueOf(rs.getString(11)), rs.getString(12),
							rs.getBoolean(13))))
			.optional();
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
