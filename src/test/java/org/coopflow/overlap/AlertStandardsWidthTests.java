package org.coopflow.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.coopflow.CoopflowTest;
import org.coopflow.reference.StandardsCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An alert keeps the standards its pair shares, as many as administrators may put in the catalogue and with codes
 * as long as they may be: a pair sharing them all must still raise its alert. On H2 and on MariaDB, in a
 * transaction rolled back, so that no other test sees the alert.
 */
@CoopflowTest
class AlertStandardsWidthTests {

	@LocalServerPort
	int port;

	@Autowired
	AlertRepository repository;

	@Autowired
	OverlapAlerts alerts;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAlertHoldsTheCodesOfAFullCatalogueOfLongCodes() {
		TestAlerts test = new TestAlerts(port, alerts, transaction);
		long first = test.programme("officerCpcjd", "Prison reform in Chad", "TD", "SMR-PRISONERS");
		long second = test.programme("officerOhchr", "Prison monitoring in Chad", "TD", "SMR-PRISONERS");
		Set<String> codes = new TreeSet<>();
		for (int i = 0; i < StandardsCatalogue.MOST; i++) {
			// 32 characters, the longest code AddStandard takes
			codes.add(String.format("STANDARD-%023d", i));
		}
		Finding finding = new Finding(Math.min(first, second), Math.max(first, second), false, new BigDecimal("0.9"), "HIGH",
				List.of(), "fingerprint", Set.of("CPCJD", "OHCHR"), Set.of("TD"), codes);
		transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			long id = repository.insert(finding, null, Instant.now());
			String stored = jdbc.sql("SELECT standards FROM overlap_alert WHERE id = ?").param(id).query(String.class).single();
			assertThat(stored.split(",")).as("every code kept").hasSize(StandardsCatalogue.MOST + 1);
			assertThat(stored).hasSize(StandardsCatalogue.MOST * 33 + 1);
		});
	}

}
