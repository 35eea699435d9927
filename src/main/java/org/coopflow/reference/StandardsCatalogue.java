package org.coopflow.reference;

import java.util.List;
import java.util.Optional;

import org.coopflow.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the standards catalogue, which Liquibase seeds and administrators extend ({@link AddStandard}), correct
 * ({@link ChangeStandard}) and rid of a standard nothing names ({@link RemoveStandard}). Nothing keeps it in memory, so a change shows on every node at once.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class StandardsCatalogue {

	/**
	 * How many standards the catalogue may hold: overlap screening keeps one bit per standard in a long, beside
	 * the theme sectors ({@code overlap.screening.ScreeningIndex}, 48 bits).
	 */
	public static final int MOST = 48;

	private final JdbcClient jdbc;

	StandardsCatalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Standard> all() {
		return jdbc.sql("SELECT code, title, adopted_by FROM standard ORDER BY position, code")
			.query(Standard.class)
			.list();
	}

	/** A standard's title for people, e.g. for SMR-PRISONERS "Standard Minimum Rules for the Treatment of Prisoners"; the code itself when the catalogue has no such standard. Templates call it as {@code @standardsCatalogue.title(code)}. */
	public String title(String code) {
		return code == null ? null : find(code).map(Standard::title).orElse(code);
	}

	public Optional<Standard> find(String code) {
		return jdbc.sql("SELECT code, title, adopted_by FROM standard WHERE code = ?")
			.param(code)
			.query(Standard.class)
			.optional();
	}

	/**
	 * Makes this transaction's addition or removal wait for another administrator's, on the catalogue's lock row
	 * ({@code catalogue_lock}), not on the standards' rows, which programme saves hold shared locks on through
	 * their foreign keys. Once it returns, a count of the catalogue (READ COMMITTED) includes what the other
	 * committed.
	 */
	void takeTurn() {
		jdbc.sql("SELECT catalogue FROM catalogue_lock WHERE catalogue = 'standard' FOR UPDATE").query(String.class).single();
	}

	/**
	 * Which other standard has this title, whatever its letter case: every list and page names standards by
	 * their titles, so two with one title could not be told apart. Ask after {@link #takeTurn}.
	 */
	Optional<String> otherWithTitle(String title, String code) {
		// compared here, not by the database, whose collations differ (MariaDB's ignores accents, H2's does not);
		// the catalogue holds at most 48 standards
		return all().stream()
			.filter(standard -> !standard.code().equalsIgnoreCase(code))
			.filter(standard -> standard.title().toLowerCase(java.util.Locale.ROOT).equals(title.toLowerCase(java.util.Locale.ROOT)))
			.map(Standard::code)
			.findFirst();
	}

	/**
	 * The standard, its row locked until the transaction ends, as stored (MariaDB's collation finds a code
	 * whatever the case it is asked for in).
	 *
	 * @throws NotFoundException when the catalogue has no such standard
	 */
	Standard lockedForChange(String code) {
		return jdbc.sql("SELECT code, title, adopted_by FROM standard WHERE code = ? FOR UPDATE")
			.param(code)
			.query(Standard.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("The catalogue has no standard " + code + "."));
	}

}
