package org.coopflow.donors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pledge form as a browser without script sends it: plain form posts with Spring's CSRF token,
 * rows left empty, the idempotency key of the rendered form.
 */
@CoopflowTest
class PledgeFormTests {

	private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** A signed-in donor's browser and the form as rendered for it. */
	private record Session(TestHttp browser, TestHttp.Response form) {

		String key() {
			Matcher key = KEY.matcher(form.body());
			assertThat(key.find()).as("the form carries an idempotency key").isTrue();
			return key.group(1);
		}

		TestHttp.Response post(Map<String, String> fields) {
			Map<String, String> all = new LinkedHashMap<>(fields);
			all.put("_csrf", form.csrfToken());
			String body = all.entrySet()
				.stream()
				.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
				.collect(Collectors.joining("&"));
			return browser.send("POST", "/donor/pledges", null, "application/x-www-form-urlencoded", body);
		}

	}

	private Session open(String donor) {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn(donor, TestHttp.DEMO_PASSWORD);
		TestHttp.Response form = browser.browse("/donor/pledges/new");
		assertThat(form.status()).isEqualTo(200);
		return new Session(browser, form);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static Map<String, String> pledgeInRowsOneAndThree(String key, String note) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("idempotencyKey", key);
		fields.put("amount", "1200.00");
		fields.put("currency", "USD");
		fields.put("earmarking", "NONE");
		fields.put("office", "OHCHR");
		fields.put("note", note);
		fields.put("instalments[0].dueDate", LocalDate.now().plusDays(40).toString());
		fields.put("instalments[0].amount", "700.00");
		fields.put("instalments[1].dueDate", "");
		fields.put("instalments[1].amount", "");
		fields.put("instalments[2].dueDate", LocalDate.now().plusDays(100).toString());
		fields.put("instalments[2].amount", "500.00");
		return fields;
	}

	private long pledgeId(TestHttp.Response redirect) {
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		Matcher id = Pattern.compile("/donor/pledges#pledge-(\\d+)$").matcher(redirect.header("Location"));
		assertThat(id.find()).as(redirect.header("Location")).isTrue();
		return Long.parseLong(id.group(1));
	}

	@Test
	void formOffersEmptyInstalmentRowsAndANewKeyEachTime() {
		Session first = open("donorNorway");
		Session second = open("donorNorway");
		assertThat(first.key()).isNotEqualTo(second.key());
		for (int row = 0; row < PledgeForm.EMPTY_ROWS; row++) {
			assertThat(first.form().body()).contains("name=\"instalments[" + row + "].dueDate\"",
					"name=\"instalments[" + row + "].amount\"");
		}
	}

	@Test
	void pledgeWithInstalmentsInAnyRowsIsRecordedAndListed() {
		Session session = open("donorNorway");
		String note = "form test " + session.key();
		long id = pledgeId(session.post(pledgeInRowsOneAndThree(session.key(), note)));

		assertThat(jdbc.sql("SELECT COUNT(*) FROM pledge_instalment WHERE pledge_id = ?").param(id).query(Long.class).single())
			.isEqualTo(2);
		TestHttp.Response mine = session.browser().browse("/donor/pledges");
		assertThat(mine.body()).contains("id=\"pledge-" + id + "\"", "Pledge " + id + ": USD 1,200", "Pledge " + id + " is recorded.");
	}

	@Test
	void theSameFormSentTwiceMakesOnePledge() {
		Session session = open("donorJapan");
		Map<String, String> fields = pledgeInRowsOneAndThree(session.key(), "double " + session.key());
		long first = pledgeId(session.post(fields));
		long second = pledgeId(session.post(fields));
		assertThat(second).isEqualTo(first);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pledge WHERE idempotency_key = ?").param(session.key()).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void errorsAreShownNextToTheirFieldsAndTheInputIsKept() {
		Session session = open("donorJapan");
		Map<String, String> fields = pledgeInRowsOneAndThree(session.key(), "errors");
		fields.put("amount", "-5");
		fields.put("instalments[2].dueDate", LocalDate.now().minusDays(3).toString());
		TestHttp.Response answer = session.post(fields);

		assertThat(answer.status()).isEqualTo(400);
		String page = answer.body();
		assertThat(page).contains("id=\"amount-error\"", "must be more than zero", "value=\"-5\"");
		assertThat(page).containsPattern("id=\"amount\"[^>]*aria-invalid=\"true\"");
		// the third row on the form is the second instalment the service saw
		assertThat(page).contains("id=\"instalment-3-dueDate-error\"", "cannot be in the past");
		assertThat(page).containsPattern("id=\"instalment-3-dueDate\"[^>]*aria-invalid=\"true\"");
		assertThat(page).contains("href=\"#amount\"", "href=\"#instalment-3-dueDate\"");
		assertThat(page).contains("value=\"" + session.key() + "\"");
	}

	@Test
	void whatIsNotANumberOrADateIsSaidSo() {
		Session session = open("donorNorway");
		Map<String, String> fields = pledgeInRowsOneAndThree(session.key(), "typos");
		fields.put("amount", "1.200,00");
		fields.put("instalments[0].dueDate", "31/12/2027");
		TestHttp.Response answer = session.post(fields);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("&#39;1.200,00&#39; is not an amount", "&#39;31/12/2027&#39; is not a date",
				"id=\"instalment-1-dueDate-error\"");
	}

	@Test
	void aWrongCurrencyDoesNotHideWhatIsWrongWithTheAmount() {
		Session session = open("donorNorway");
		Map<String, String> fields = pledgeInRowsOneAndThree(session.key(), "two mistakes");
		fields.put("currency", "XQZ");
		fields.put("amount", "1.200,00");
		String page = session.post(fields).body();

		assertThat(page).contains("There are 2 problems with the pledge", "id=\"amount-error\"",
				"&#39;1.200,00&#39; is not an amount", "id=\"currency-error\"", "&#39;XQZ&#39; is not an ISO 4217 currency");
		assertThat(page).contains("href=\"#amount\">Amount: ", "href=\"#currency\">Currency: ");

		fields.put("amount", "-5");
		page = session.post(fields).body();
		assertThat(page).as("an amount that is a number but wrong, with a wrong currency")
			.contains("There are 2 problems with the pledge", "must be more than zero", "&#39;XQZ&#39; is not an ISO 4217 currency");
	}

}
