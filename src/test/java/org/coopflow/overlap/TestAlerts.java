package org.coopflow.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.TestHttp;
import org.coopflow.TestPortfolio;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts for the pages' tests, raised as screening raises them: programmes created through the API, each
 * in a period of its own so that no other test's screening pairs them, and a finding recorded for the
 * pair in a transaction.
 */
final class TestAlerts {

	private final TestHttp api;

	private final OverlapAlerts alerts;

	private final TransactionTemplate transaction;

	private final ObjectMapper json = new ObjectMapper();

	TestAlerts(int port, OverlapAlerts alerts, TransactionTemplate transaction) {
		this.api = TestHttp.api(port);
		this.alerts = alerts;
		this.transaction = transaction;
	}

	long programme(String officer, String title, String country, String standard) {
		ObjectNode draft = json.createObjectNode();
		draft.put("title", title);
		draft.put("description", "Training prison staff in the Nelson Mandela Rules");
		draft.putArray("countries").add(country);
		draft.putArray("standards").add(standard);
		draft.putArray("activityTypes").add("TRAINING");
		draft.putArray("sectors").add("15130");
		TestPortfolio.apart(draft);
		draft.putObject("budget").put("amount", "1000.00").put("currency", "USD");
		TestHttp.Response created = api.send("POST", "/api/programmes", officer, "application/json", draft.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	/** An open alert on the pair, sharing the country and standard, with two signals. */
	long raise(long a, long b, Set<String> offices, String severity, String country, String standard) {
		return raise(a, b, offices, severity, country, standard, "0.8123");
	}

	/**
	 * The same with the score screening found; an alert already open on the pair takes the newer score.
	 * @return the alert raised, or the open one refreshed
	 */
	long raise(long a, long b, Set<String> offices, String severity, String country, String standard, String score) {
		Finding finding = new Finding(Math.min(a, b), Math.max(a, b), offices.size() == 1, new BigDecimal(score),
				severity,
				List.of(new OverlapAlertView.Signal("shared-standards", standard, new BigDecimal("0.3000")),
						new OverlapAlertView.Signal("similar-text", "cosine 0.91 of title and description",
								new BigDecimal("0.4123"))),
				"pages-" + a + "-" + b, offices, Set.of(country), Set.of(standard));
		OverlapAlerts.Raised recorded = transaction
			.execute(status -> alerts.record(List.of(finding), null, (judged, now) -> true));
		return recorded.raised().isEmpty() ? recorded.refreshed().get(0) : recorded.raised().get(0);
	}

}
