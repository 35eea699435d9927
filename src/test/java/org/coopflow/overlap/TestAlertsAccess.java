package org.coopflow.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.coopflow.TestHttp;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Lets tests of other modules raise an alert on two new programmes as {@link TestAlerts} does. */
public final class TestAlertsAccess {

	private TestAlertsAccess() {
	}

	/** Two programmes, one of each office, in the country and standard, and an open alert on them. */
	public static long raiseBetweenOffices(int port, ApplicationContext context, String cpcjdTitle, String ohchrTitle,
			String country, String standard) {
		TestAlerts test = new TestAlerts(port, context.getBean(OverlapAlerts.class),
				context.getBean(TransactionTemplate.class));
		long cpcjd = test.programme("officerCpcjd", cpcjdTitle, country, standard);
		long ohchr = test.programme("officerOhchr", ohchrTitle, country, standard);
		return test.raise(cpcjd, ohchr, Set.of("CPCJD", "OHCHR"), "HIGH", country, standard);
	}

	/**
	 * Screening finds the pair of an open alert between the offices alike again, with another score: the
	 * alert takes the newer score, as it does when screening runs again.
	 */
	public static void rescreenBetweenOffices(int port, ApplicationContext context, long alertId, String score) {
		TestHttp.Response read = TestHttp.api(port).get("/api/overlap-alerts/" + alertId, "coordinatorCpcjd");
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		JsonNode alert = read.json();
		TestAlerts test = new TestAlerts(port, context.getBean(OverlapAlerts.class),
				context.getBean(TransactionTemplate.class));
		test.raise(alert.path("first").path("id").asLong(), alert.path("second").path("id").asLong(),
				Set.of("CPCJD", "OHCHR"), alert.path("severity").asText(), alert.path("sharedCountries").get(0).asText(),
				alert.path("sharedStandards").get(0).asText(), score);
	}

}
