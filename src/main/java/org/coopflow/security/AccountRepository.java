package org.coopflow.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.coopflow.reference.Office;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private static final String COLUMNS = "id, username, password_hash, display_name, email, role, office_code, country_code, enabled";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Account> findByUsername(String username) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ?")
			.param(username)
			.query(AccountRepository::map)
			.optional();
	}

	List<Account> findAllEnabled() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE enabled = TRUE ORDER BY username")
			.query(AccountRepository::map)
			.list();
	}

	List<Account> findAll() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username").query(AccountRepository::map).list();
	}

	boolean anyEnabledWithRole(Role role) {
		return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = ? AND enabled = TRUE")
			.param(role.name())
			.query(Long.class)
			.single() > 0;
	}

	void insert(String username, String passwordHash, String displayName, Role role, Office office, String countryCode) {
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, display_name, role, office_code, country_code, enabled)
				VALUES (?, ?, ?, ?, ?, ?, TRUE)""")
			.params(username, passwordHash, displayName, role.name(), office == null ? null : office.name(), countryCode)
			.update();
	}

	int updatePasswordHash(String username, String passwordHash) {
		return jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?")
			.params(passwordHash, username)
			.update();
	}

	private static Account map(ResultSet rs, int row) throws SQLException {
		String office = rs.getString("office_code");
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
				rs.getString("display_name"), rs.getString("email"), Role.valueOf(rs.getString("role")),
				office == null ? null : Office.valueOf(office), rs.getString("country_code"), rs.getBoolean("enabled"));
	}

}
