package org.coopflow.reference;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The codes other modules validate against: countries, standards and currencies with their minor
 * units. They change only with a Liquibase changeset, that is with a new deployment, so they are read
 * once and kept: every pledge, programme and import would otherwise read some 450 rows again.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class ReferenceCodes {

	private final JdbcClient jdbc;

	ReferenceCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	private volatile Snapshot snapshot;

	public Snapshot snapshot() {
		Snapshot read = snapshot;
		if (read == null) {
			read = read();
			snapshot = read;
		}
		return read;
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
