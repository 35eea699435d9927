package org.coopflow.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The codes are kept, not read for every use, and read again once older than the refresh, so that a code
 * another node's upgrade adds is accepted here too (OneServiceOnTwoNodesTests shows it across two nodes).
 */
class ReferenceCodesRefreshTests {

	private static final Duration REFRESH = Duration.ofSeconds(30);

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private JdbcClient jdbc;

	private ReferenceCodes codes;

	@BeforeEach
	void tables() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:codes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("CREATE TABLE country (code CHAR(2) PRIMARY KEY)").update();
		jdbc.sql("CREATE TABLE standard (code VARCHAR(40) PRIMARY KEY)").update();
		jdbc.sql("CREATE TABLE currency (code CHAR(3) PRIMARY KEY, minor_units INT)").update();
		jdbc.sql("INSERT INTO currency VALUES ('USD', 2)").update();
		codes = new ReferenceCodes(jdbc, REFRESH, now::get);
	}

	@Test
	void keptUntilTheRefreshThenReadAgain() {
		assertThat(codes.snapshot().isCurrency("USD")).isTrue();
		jdbc.sql("INSERT INTO currency VALUES ('EUR', 2)").update();

		now.addAndGet(REFRESH.minusMillis(1).toNanos());
		assertThat(codes.snapshot().isCurrency("EUR")).as("kept within the refresh").isFalse();

		now.addAndGet(Duration.ofMillis(1).toNanos());
		assertThat(codes.snapshot().isCurrency("EUR")).as("read again after it").isTrue();
		assertThat(codes.snapshot().minorUnits("EUR")).isEqualTo(2);
	}

	@Test
	void aRefreshMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReferenceCodes(jdbc, Duration.ZERO, now::get));
	}

}
