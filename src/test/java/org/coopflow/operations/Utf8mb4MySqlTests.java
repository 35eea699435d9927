package org.coopflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.coopflow.CoopflowTest;
import org.coopflow.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * MySQL/MariaDB only (run by -Pmariadb): coopflow's own tables are utf8mb4 throughout, and so is every
 * Camunda column that holds people's text, while Camunda's id and key columns keep the character set
 * its foreign keys and upgrade scripts expect.
 */
@CoopflowTest
class Utf8mb4MySqlTests {

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void requiresMySql() {
		assertThat(TestDatabase.mysqlRequested()).as("this class runs only against MySQL/MariaDB (-Pmariadb)").isTrue();
	}

	@Test
	void coopflowTablesAreUtf8mb4() {
		List<String> notUtf8mb4 = jdbc.sql("""
				SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME, '=', CHARACTER_SET_NAME) FROM information_schema.COLUMNS
				WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_SET_NAME IS NOT NULL
				AND TABLE_NAME NOT LIKE 'ACT\\_%' AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%'
				AND CHARACTER_SET_NAME <> 'utf8mb4'""").query(String.class).list();
		assertThat(notUtf8mb4).isEmpty();
		List<String> tables = jdbc.sql("""
				SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()
				AND TABLE_NAME NOT LIKE 'ACT\\_%' AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%'
				AND TABLE_COLLATION NOT LIKE 'utf8mb4%'""").query(String.class).list();
		assertThat(tables).isEmpty();
	}

	@Test
	void camundaTextColumnsAreUtf8mb4AndKeysAreUntouched() {
		List<String> text = jdbc.sql("""
				SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME) FROM information_schema.COLUMNS
				WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_SET_NAME = 'utf8mb4' AND TABLE_NAME LIKE 'ACT\\_%'""")
			.query(String.class)
			.list();
		assertThat(text).contains("ACT_RU_VARIABLE.TEXT_", "ACT_HI_VARINST.TEXT_", "ACT_HI_DETAIL.TEXT2_",
				"ACT_HI_COMMENT.MESSAGE_", "ACT_RU_EXECUTION.BUSINESS_KEY_", "ACT_HI_PROCINST.BUSINESS_KEY_",
				"ACT_RU_TASK.NAME_", "ACT_RU_TASK.DESCRIPTION_", "ACT_RU_FILTER.NAME_", "ACT_HI_OP_LOG.NEW_VALUE_");
		assertThat(text).noneMatch(column -> column.endsWith("ID_"));
	}

	@Test
	void taskCompletionHasItsParentIndex() {
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
				AND TABLE_NAME = 'ACT_RU_TASK' AND COLUMN_NAME = 'PARENT_TASK_ID_'""").query(Integer.class).single())
			.isPositive();
	}

}
