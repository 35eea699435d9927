package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.coopflow.CoopflowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * No built-in password: without an administrator, COOPFLOW_ADMIN_PASSWORD creates one, and without
 * the variable the log says how. Each test removes the demo administrator inside a transaction that
 * is rolled back afterwards.
 */
@CoopflowTest
@Transactional
@ExtendWith(OutputCaptureExtension.class)
class InitialAdministratorTests {

	@Autowired
	AccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void withoutAnyAdministrator() {
		jdbc.sql("DELETE FROM app_user WHERE role = 'ADMIN'").update();
		assertThat(accounts.anyEnabledWithRole(Role.ADMIN)).isFalse();
	}

	@Test
	void createsAdminFromTheEnvironmentPassword() {
		var bootstrap = new InitialAdministrator(accounts, passwordEncoder, "correct-horse-battery");
		assertThat(bootstrap.ensureAdministrator()).isTrue();
		Account admin = accounts.findByUsername("admin").orElseThrow();
		assertThat(admin.role()).isEqualTo(Role.ADMIN);
		assertThat(passwordEncoder.matches("correct-horse-battery", admin.passwordHash())).isTrue();
		assertThat(admin.passwordHash()).startsWith("{bcrypt}");
		// a second start finds the administrator and leaves it alone
		assertThat(bootstrap.ensureAdministrator()).isFalse();
	}

	@Test
	void withoutThePasswordSaysInTheLogHowToCreateOne(CapturedOutput output) {
		assertThat(new InitialAdministrator(accounts, passwordEncoder, "").ensureAdministrator()).isFalse();
		assertThat(accounts.findByUsername("admin")).isEmpty();
		assertThat(output.getOut()).contains("No coopflow administrator exists").contains("COOPFLOW_ADMIN_PASSWORD");
	}

	@Test
	void refusesAShortPassword() {
		assertThatThrownBy(() -> new InitialAdministrator(accounts, passwordEncoder, "short").ensureAdministrator())
			.hasMessageContaining("at least 12 characters");
		assertThatThrownBy(() -> new InitialAdministrator(accounts, passwordEncoder, "   short      ").ensureAdministrator())
			.hasMessageContaining("not counting spaces at its start or end");
		assertThat(accounts.findByUsername("admin")).isEmpty();
	}

	@Test
	void aPasswordForAnExistingAdministratorIsNotAppliedAndTheLogSaysSo(CapturedOutput output) {
		accounts.insert("admin", passwordEncoder.encode("the-first-password"), "coopflow administrator", Role.ADMIN,
				null, null);
		assertThat(new InitialAdministrator(accounts, passwordEncoder, "correct-horse-battery").ensureAdministrator())
			.isFalse();
		assertThat(passwordEncoder.matches("the-first-password", accounts.findByUsername("admin").orElseThrow().passwordHash()))
			.isTrue();
		assertThat(output.getOut()).contains("WARN")
			.contains("COOPFLOW_ADMIN_PASSWORD is set but an administrator already exists, so it was not applied");
	}

	@Test
	void anAdministratorFromTheDemoDataNeedsNoPassword() {
		jdbc.sql("UPDATE app_user SET role = 'ADMIN', office_code = NULL WHERE username = 'coordinatorCpcjd'").update();
		assertThat(new InitialAdministrator(accounts, passwordEncoder, "").ensureAdministrator()).isFalse();
	}

}
