package org.coopflow.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A whole portfolio in one file stores every row. Correctness at size only: how long it takes is
 * measured by {@code bench.ImportBenchmark}, never asserted here.
 */
@CoopflowTest
// a context, and so a database, of its own: 10,000 drafts would change what other tests' searches find
@TestPropertySource(properties = "coopflow.test.context=import-at-size")
class ProgrammeImportAtSizeTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void importsTenThousandRows() {
		byte[] csv = ImportFiles.generated(10_000).getBytes(StandardCharsets.UTF_8);

		TestHttp.Response response = TestHttp.api(port)
			.postFile("/api/programmes/imports", "officerCpcjd", "file", "portfolio.csv", "text/csv", csv);

		assertThat(response.status()).as(response.body().substring(0, Math.min(2000, response.body().length())))
			.isEqualTo(201);
		assertThat(response.json().path("imported").asInt()).isEqualTo(10_000);
		assertThat(response.json().path("programmeIds")).hasSize(10_000);
		assertThat(count("SELECT COUNT(*) FROM programme WHERE office_code = 'CPCJD' AND status = 'DRAFT'"))
			.isEqualTo(10_000);
		assertThat(count("SELECT COUNT(*) FROM programme_change WHERE kind = 'IMPORTED'")).isEqualTo(10_000);
		assertThat(count("SELECT COUNT(*) FROM programme_country")).isEqualTo(20_000);
		assertThat(count("SELECT COUNT(*) FROM programme_standard")).isEqualTo(20_000);
		assertThat(count("SELECT COUNT(*) FROM programme_activity_type")).isEqualTo(20_000);
		assertThat(count("SELECT COUNT(*) FROM programme_sector")).isEqualTo(15_000);
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
