package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.coopflow.CoopflowTest;
import org.coopflow.reference.Office;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users as Spring Data JDBC maps them onto {@code app_user}, on H2 and on MariaDB alike; each test's
 * rows are rolled back.
 */
@CoopflowTest
@Transactional
class AccountRepositoryTests {

	@Autowired
	AccountRepository accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void readsBackEveryColumnOfAnInsertedUser() {
		accounts.insert("mappedOfficer", "{noop}secret", "Mapped Officer", Role.PROGRAMME_OFFICER, Office.OHCHR, null);
		accounts.insert("mappedDonor", "{noop}secret", "Mapped Donor", Role.DONOR, null, "DE");

		Account officer = accounts.findByUsername("mappedOfficer").orElseThrow();
		assertThat(officer.id()).isPositive();
		assertThat(officer).isEqualTo(new Account(officer.id(), "mappedOfficer", "{noop}secret", "Mapped Officer",
				null, Role.PROGRAMME_OFFICER, Office.OHCHR, null, true));
		Account donor = accounts.findByUsername("mappedDonor").orElseThrow();
		assertThat(donor).isEqualTo(new Account(donor.id(), "mappedDonor", "{noop}secret", "Mapped Donor", null,
				Role.DONOR, null, "DE", true));
		assertThat(jdbc.sql("SELECT created_at FROM app_user WHERE username = 'mappedDonor'").query().singleValue())
			.as("the column the entity leaves out keeps its default").isNotNull();
	}

	@Test
	void theDatabaseRefusesAUsernameThatDiffersOnlyInCase() {
		// what two administrators adding jsmith and Jsmith at the same moment would leave, had AddUser's question
		// been answered for both before either inserted: MariaDB's collation refuses it, H2 its own key
		accounts.insert("caseOfficer", "{noop}secret", "Case Officer", Role.PROGRAMME_OFFICER, Office.OHCHR, null);
		assertThatThrownBy(() -> accounts.insert("CASEofficer", "{noop}secret", "Another", Role.PROGRAMME_OFFICER,
				Office.OHCHR, null)).hasCauseInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void listsUsersByNameAndLeavesTheDisabledOutOfTheEnabled() {
		accounts.insert("zzzLast", "{noop}secret", "Last", Role.DONOR, null, "DE");
		accounts.insert("aaaDisabled", "{noop}secret", "Disabled", Role.DONOR, null, "DE");
		jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = 'aaaDisabled'").update();

		List<String> all = accounts.findAll().stream().map(Account::username).toList();
		assertThat(all.indexOf("aaaDisabled")).isNotNegative().isLessThan(all.indexOf("zzzLast"));
		assertThat(all.get(all.size() - 1)).isEqualTo("zzzLast");
		List<String> enabled = accounts.findAllEnabled().stream().map(Account::username).toList();
		assertThat(enabled).doesNotContain("aaaDisabled").contains("admin");
		assertThat(enabled.get(enabled.size() - 1)).isEqualTo("zzzLast");
	}

	@Test
	void tellsWhetherAnEnabledUserHoldsARole() {
		jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE role = 'ADMIN'").update();
		assertThat(accounts.anyEnabledWithRole(Role.ADMIN)).isFalse();

		accounts.insert("anotherAdmin", "{noop}secret", "Another admin", Role.ADMIN, null, null);
		assertThat(accounts.anyEnabledWithRole(Role.ADMIN)).isTrue();
	}

	@Test
	void changesThePasswordOnlyAndLeavesADisabledUserDisabled() {
		accounts.insert("changing", "{noop}old", "Changing", Role.DONOR, null, "DE");
		jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = 'changing'").update();

		assertThat(accounts.updatePasswordHash("changing", "{noop}new")).isEqualTo(1);
		assertThat(accounts.updatePasswordHash("nobody", "{noop}new")).isZero();

		Account changed = accounts.findByUsername("changing").orElseThrow();
		assertThat(changed.passwordHash()).isEqualTo("{noop}new");
		assertThat(changed.enabled()).isFalse();
	}

}
