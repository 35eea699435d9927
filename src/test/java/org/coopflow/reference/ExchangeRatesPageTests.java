package org.coopflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rates page over real HTTP and the real database, as officers use it each month: a month's list imported
 * as CSV (all lines or none), one rate entered or corrected, the currencies still without the month's rate;
 * coordinators read it, donors do not see it. Each test uses months of its own in 2039, which no pledge of
 * another test is rated in.
 */
@CoopflowTest
class ExchangeRatesPageTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private TestHttp signedIn(String user) {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn(user, TestHttp.DEMO_PASSWORD);
		return browser;
	}

	private long ratesOf(String month) {
		return jdbc.sql("SELECT COUNT(*) FROM exchange_rate WHERE rate_month = ?")
			.param(java.sql.Date.valueOf(month + "-01"))
			.query(Long.class)
			.single();
	}

	private static TestHttp.Response upload(TestHttp browser, String csv) {
		String token = browser.browse("/exchange-rates").csrfToken();
		return browser.uploadFile("/exchange-rates/imports", token, "file", "rates.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
	}

	private static TestHttp.Response enter(TestHttp browser, String currency, String month, String unitsPerUsd) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("currency", currency);
		form.put("month", month);
		form.put("unitsPerUsd", unitsPerUsd);
		// from the month's page, as a person enters it there (and so that it shows the last entry's message)
		return browser.submitFrom("/exchange-rates?month=" + month, "/exchange-rates", form);
	}

	@Test
	void anOfficerImportsAMonthsListAndSeesWhatIsStillMissing() {
		TestHttp officer = signedIn("officerCpcjd");
		TestHttp.Response imported = upload(officer,
				"currency,month,unitsPerUsd\nNOK,2039-01,10.52\nJPY,2039-01,151.25\nEUR,2039-01,0.92\nNOK,2039-02,10.61\n");
		assertThat(imported.status()).as(imported.body()).isEqualTo(302);
		assertThat(imported.header("Location")).endsWith("/exchange-rates?month=2039-02");
		assertThat(ratesOf("2039-01")).isEqualTo(3);

		TestHttp.Response february = officer.browse("/exchange-rates?month=2039-02");
		assertThat(february.body()).contains("4 rates imported from rates.csv, for January 2039, February 2039")
			.contains("Rates of exchange, February 2039").contains("1 USD = 10.61 NOK")
			.contains("Not entered yet for February 2039").contains("Euro (EUR), Japanese Yen (JPY)")
			.contains("Entered by <span>Amina Diallo (1 rate)</span>.");
		TestHttp.Response january = officer.browse("/exchange-rates?month=2039-01");
		assertThat(january.body()).contains("3 rates for January 2039").contains("Entered by <span>Amina Diallo (3 rates)</span>.").contains("1 USD = 151.25 JPY")
			.contains("1 USD = 0.92 EUR").contains("id=\"rate-NOK\"");
	}

	@Test
	void aFileWithAWrongLineIsRefusedWholeAndEveryLineNamed() {
		TestHttp officer = signedIn("officerOhchr");
		TestHttp.Response refused = upload(officer,
				"currency,month,unitsPerUsd\nNOK,2039-03,10.5\nXXX,2039-03,3\nGBP,2039-03,abc\nNOK,2039-03,10.6\n");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Nothing was imported").contains("rates.csv: Some lines are wrong")
			.contains("<td class=\"num\">3</td>").contains("<td class=\"num\">4</td>").contains("&#39;abc&#39; is not a number")
			.contains("NOK appears twice for 2039-03");
		assertThat(ratesOf("2039-03")).isZero();

		assertThat(upload(officer, "currency;month;rate\nNOK;2039-03;10\n").body()).contains("The header must be");
		assertThat(upload(officer, "currency,month,unitsPerUsd\n\"NOK,2039-03,10\n").status()).isEqualTo(400);
		assertThat(upload(officer, "currency,month,unitsPerUsd\nNOK,2039-03\n").body())
			.contains("has 2 values, not one per column of the header");
		TestHttp.Response empty = officer.uploadFile("/exchange-rates/imports", officer.browse("/exchange-rates").csrfToken(),
				"file", "", "application/octet-stream", new byte[0]);
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("Choose a CSV file to import.");
		assertThat(ratesOf("2039-03")).isZero();
	}

	@Test
	void anAdministratorEntersAndCorrectsOneRate() {
		TestHttp admin = signedIn("admin");
		TestHttp.Response refused = enter(admin, "", "2039-04", "ten");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("The rate was not entered").contains("Currency: ")
			.contains("Units per US dollar: &#39;ten&#39; is not a number such as 10.52")
			.contains("value=\"ten\"");
		assertThat(enter(admin, "USD", "2039-04", "1").body()).contains("USD is the base of the rates");
		assertThat(enter(admin, "NOK", "April", "10").body()).contains("Month: &#39;April&#39; is not a month such as 2026-11");
		assertThat(enter(admin, "NOK", "2039-04", "10,52").body()).as("a decimal comma is not a thousands separator")
			.contains("Units per US dollar: &#39;10,52&#39;: write the decimals after a point, e.g. 10.52");
		assertThat(ratesOf("2039-04")).isZero();

		TestHttp.Response entered = enter(admin, "NOK", "2039-04", "10.5");
		assertThat(entered.status()).isEqualTo(302);
		assertThat(entered.header("Location")).endsWith("/exchange-rates?month=2039-04#rate-NOK");
		assertThat(enter(admin, "NOK", "2039-04", "10,480.25").status()).as("grouped digits, as the page shows them")
			.isEqualTo(302);
		assertThat(admin.browse("/exchange-rates?month=2039-04").body())
			.contains("Entered for April 2039: 1 USD = 10,480.25 NOK").contains("1 rate for April 2039");
		assertThat(ratesOf("2039-04")).isEqualTo(1);
	}

	@Test
	void coordinatorsReadTheRatesAndDonorsDoNotSeeThePage() {
		TestHttp coordinator = signedIn("coordinatorCpcjd");
		TestHttp.Response page = coordinator.browse("/exchange-rates?month=2039-05");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("No rate is entered for May 2039.").doesNotContain("Import a list of rates")
			.doesNotContain("Enter or correct one rate");
		assertThat(enter(coordinator, "NOK", "2039-05", "10").status()).isEqualTo(403);
		assertThat(upload(coordinator, "currency,month,unitsPerUsd\nNOK,2039-05,10\n").status()).isEqualTo(403);
		assertThat(ratesOf("2039-05")).isZero();

		TestHttp donor = signedIn("donorNorway");
		assertThat(donor.browse("/exchange-rates").status()).isEqualTo(403);
		assertThat(donor.browse("/exchange-rates/imports").status()).as("under it too").isEqualTo(403);
		assertThat(coordinator.browse("/exchange-rates?month=May").status()).isEqualTo(400);
		assertThat(coordinator.browse("/exchange-rates?month=May").body()).contains("&#39;May&#39; is not a month such as 2026-11");
		TestHttp.Response farOff = coordinator.browse("/exchange-rates?month=%2B999999999-12");
		assertThat(farOff.status()).isEqualTo(400);
		assertThat(farOff.contentType()).startsWith("text/html");
		assertThat(farOff.body()).contains("is not a month rates are kept for (1990-01 to 2099-12); this month is shown instead");
	}

}
