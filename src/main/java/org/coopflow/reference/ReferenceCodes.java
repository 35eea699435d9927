package org.coopflow.reference;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;

import org.coopflow.shared.AfterCommit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The codes other modules validate against: countries, standards and currencies with their minor
 * units. They change with a Liquibase changeset, that is with a new deployment, or when an administrator
 * adds a standard, so they are kept in memory: every pledge, programme and import would otherwise read
 * some 450 rows again. They are read again when older than {@code coopflow.reference.refresh} (30
 * seconds): when several nodes share the database and one of them is upgraded first, or an administrator
 * adds a standard on one of them, the others must accept the new codes within that time, not only after
 * their own restart (docs/cluster.md). The node where the standard was added reads them again at once.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class ReferenceCodes {

	private final JdbcClient jdbc;

	/** One entry, read again once older than the refresh; Caffeine lets one thread read while the others wait. */
	private final LoadingCache<Boolean, Snapshot> held;

	@Autowired
	ReferenceCodes(JdbcClient jdbc, @Value("${coopflow.reference.refresh:PT30S}") Duration refresh) {
		this(jdbc, refresh, Ticker.systemTicker());
	}

	ReferenceCodes(JdbcClient jdbc, Duration refresh, Ticker ticker) {
		if (refresh.isNegative() || refresh.isZero()) {
			throw new IllegalArgumentException("coopflow.reference.refresh must be positive, not " + refresh);
		}
		this.jdbc = jdbc;
		this.held = Caffeine.newBuilder().expireAfterWrite(refresh).ticker(ticker).build(key -> read());
	}

	@org.springframework.modulith.NamedInterface("api")
	public record Snapshot(Set<String> countries, Set<String> standards, Map<String, Integer> currencyMinorUnits) {

		public boolean isCountry(String code) {
			return countries.contains(code);
		}

		public boolean isStandard(String code) {
			return standards.contains(code);
		}

		public boolean isCurrency(String code) {
			return currencyMinorUnits.containsKey(code);
		}

		/** Minor units of an ISO currency, or -1 when ISO defines none (gold, SDR...). */
		public int minorUnits(String currency) {
			return currencyMinorUnits.getOrDefault(currency, -1);
		}

	}

	/** The codes as read at most {@code coopflow.reference.refresh} ago. */
	public Snapshot snapshot() {
		return held.get(Boolean.TRUE);
	}

	/**
	 * Reads the codes again at the next use, once the current transaction has committed what changed them:
	 * forgotten any sooner, a read in between could hold the codes without the change for another refresh.
	 */
	void forgetOnCommit() {
		AfterCommit.run(held::invalidateAll);
	}

	private Snapshot read() {
		Set<String> countries = new HashSet<>(jdbc.sql("SELECT code FROM country").query(String.class).list());
		Set<String> standards = new HashSet<>(jdbc.sql("SELECT code FROM standard").query(String.class).list());
		Map<String, Integer> currencies = new HashMap<>();
		jdbc.sql("SELECT code, minor_units FROM currency")
			.query(rs -> {
				currencies.put(rs.getString(1), rs.getObject(2) == null ? -1 : rs.getInt(2));
			});
		return new Snapshot(Set.copyOf(countries), Set.copyOf(standards), Map.copyOf(currencies));
	}

}
