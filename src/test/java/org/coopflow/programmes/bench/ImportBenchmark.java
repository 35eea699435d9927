package org.coopflow.programmes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.programmes.ImportFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Times importing a generated portfolio over HTTP on the configured database and prints the figures;
 * asserts only that each import succeeded. Excluded from the default run (tag {@code benchmark}); how
 * to run it and the recorded figures are in README.md beside this file.
 */
@Tag("benchmark")
@CoopflowTest
class ImportBenchmark {

	private static final int ROWS = Integer.getInteger("coopflow.bench.rows", 10_000);

	private static final int RUNS = Integer.getInteger("coopflow.bench.runs", 3);

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void importsAGeneratedPortfolio() throws SQLException {
		byte[] csv = ImportFiles.generated(ROWS).getBytes(StandardCharsets.UTF_8);
		TestHttp api = TestHttp.api(port);
		List<Long> millis = new ArrayList<>();
		// run 0 warms up the JIT, the connection pool and the statement caches; it is printed, not counted
		for (int run = 0; run <= RUNS; run++) {
			long start = System.nanoTime();
			TestHttp.Response response = api.postFile("/api/programmes/imports", "officerCpcjd", "file", "portfolio.csv",
					"text/csv", csv);
			long elapsed = (System.nanoTime() - start) / 1_000_000;
			assertThat(response.status()).as("run " + run).isEqualTo(201);
			assertThat(response.json().path("imported").asInt()).isEqualTo(ROWS);
			System.out.printf(Locale.ROOT, "import benchmark: %s run %d: %,d rows in %,d ms (%,.0f rows/s)%n",
					run == 0 ? "warm-up" : "measured", run, ROWS, elapsed, ROWS * 1000.0 / elapsed);
			if (run > 0) {
				millis.add(elapsed);
			}
		}
		List<Long> sorted = millis.stream().sorted().toList();
		System.out.printf(Locale.ROOT,
				"import benchmark: %s, %,d rows (%,d KB), %d runs: min %,d ms, median %,d ms, max %,d ms, %d cores%n",
				database(), ROWS, csv.length / 1024, RUNS, sorted.get(0), sorted.get(sorted.size() / 2),
				sorted.get(sorted.size() - 1), Runtime.getRuntime().availableProcessors());
	}

	private String database() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
		}
	}

}
