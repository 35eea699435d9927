package org.coopflow.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.coopflow.reference.Office;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The IATI file of the demo portfolio (its own application context, as DemoPortfolioTests): valid against
 * the schema and codelists, with every approved demo programme published or listed with its rules.
 */
@Tag("restarts")
@DirtiesContext
@SpringBootTest(properties = "coopflow.demo.portfolio.enabled=true")
class IatiDemoPortfolioTests {

	@Autowired
	IatiExport export;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoPortfoliosFileIsValidAndLeavesNoApprovedProgrammeUnaccountedFor() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.write(null, out);
		byte[] file = out.toByteArray();
		IatiFileCheck.validate(file);
		assertThat(IatiFileCheck.problems(file)).isEmpty();

		List<IatiProblem> problems = export.problems(null);
		long approved = jdbc.sql("SELECT COUNT(*) FROM programme WHERE status IN "
				+ "('OPEN_FOR_FUNDING', 'PARTIALLY_FUNDED', 'FUNDED', 'CLOSED', 'CANCELLED')").query(Long.class).single();
		String xml = new String(file, java.nio.charset.StandardCharsets.UTF_8);
		long published = xml.split("<iati-activity ", -1).length - 1;
		assertThat(published + problems.size()).as(problems.toString()).isEqualTo(approved);
		assertThat(problems).as("the demo programmes are all publishable").isEmpty();
		for (Office office : Office.values()) {
			assertThat(xml).contains("<reporting-org ref=\"" + (office == Office.CPCJD ? "XM-DAC-41128" : "XM-DAC-41313"));
		}
		assertThat(xml).contains("<transaction-type code=\"13\"/>", "<transaction-type code=\"11\"/>",
				"<transaction-type code=\"1\"/>", "<transaction-type code=\"4\"/>", "ref=\"XM-DAC-8\"", "ref=\"XM-DAC-701\"");
		// the programmes under way and closed publish their results: indicators, baselines, targets, actuals
		long withResults = jdbc.sql("SELECT COUNT(DISTINCT programme_id) FROM result").query(Long.class).single();
		assertThat(withResults).isPositive();
		assertThat(xml.split("<result ", -1).length - 1).isGreaterThanOrEqualTo((int) withResults);
		assertThat(xml).contains("<indicator measure=", "<baseline ", "<target value=", "<actual value=");
		// the officers' comments on baselines and actuals stay inside, as in the open data
		List<String> comments = jdbc.sql("SELECT actual_comment FROM indicator_period WHERE actual_comment IS NOT NULL "
				+ "UNION SELECT baseline_comment FROM indicator WHERE baseline_comment IS NOT NULL").query(String.class).list();
		assertThat(comments).as("the demo portfolio comments on its results").isNotEmpty();
		for (String comment : comments) {
			// as the XML writer escapes element text
			String asWritten = comment.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
			assertThat(xml).doesNotContain(asWritten).doesNotContain(comment);
		}
	}

}
