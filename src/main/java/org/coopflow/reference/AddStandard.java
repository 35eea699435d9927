package org.coopflow.reference;

import java.util.ArrayList;
import java.util.List;

import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator adds an instrument to the standards catalogue, for instance one a UN congress has just
 * adopted. It comes last in the catalogue's order, and from then on programmes, pledges' earmarks,
 * activities and results may name it. Its code never changes, since they name it by it: its title and adoption
 * can be corrected ({@link ChangeStandard}), and it can be removed while nothing names it ({@link RemoveStandard}).
 */
@Service
class AddStandard {

	private static final Logger log = LoggerFactory.getLogger(AddStandard.class);

	/** Codes as the seeded ones are written, e.g. TOKYO-RULES; 32 characters is the narrowest column that holds one. */
	static final String CODE_PATTERN = "[A-Z][A-Z0-9]*(-[A-Z0-9]+)*";

	static final int CODE_LENGTH = 32;

	private final JdbcClient jdbc;

	private final StandardsCatalogue catalogue;

	private final ReferenceCodes codes;

	AddStandard(JdbcClient jdbc, StandardsCatalogue catalogue, ReferenceCodes codes) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.codes = codes;
	}

	record NewStandard(String code, String title, String adoptedBy) {
	}

	/**
	 * @throws InvalidInputException naming every field that is wrong, or the catalogue when it is full; nothing added
	 * @throws ConflictException when the code is taken
	 */
	@Transactional
	Standard add(String administrator, NewStandard standard) {
		List<InvalidField> errors = problems(standard);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		// two administrators adding at once count each other, and take different places
		catalogue.takeTurn();
		List<Integer> positions = jdbc.sql("SELECT position FROM standard").query(Integer.class).list();
		if (positions.size() >= StandardsCatalogue.MOST) {
			throw new InvalidInputException("code", "cannot be added: the catalogue holds at most "
					+ StandardsCatalogue.MOST + " standards, as many as overlap screening tells apart");
		}
		Standard added = new Standard(standard.code(), ChangeStandard.oneLine(standard.title()),
				ChangeStandard.oneLine(standard.adoptedBy()));
		ChangeStandard.requireOwnTitle(catalogue, added);
		try {
			jdbc.sql("INSERT INTO standard (code, position, title, adopted_by) VALUES (?, ?, ?, ?)")
				.params(added.code(), positions.stream().mapToInt(Integer::intValue).max().orElse(0) + 1, added.title(),
						added.adoptedBy())
				.update();
		}
		catch (DuplicateKeyException e) {
			// the code's key is the one judge of whether the catalogue has it
			throw new ConflictException("The catalogue already has the standard " + standard.code() + ".");
		}
		// programmes and the rest check codes against ReferenceCodes: at once on this node, within its refresh on others
		codes.forgetOnCommit();
		// the catalogue keeps no history of its own
		log.info("{} added the standard {} ({})", administrator, added.code(), added.title());
		return added;
	}

	static List<InvalidField> problems(NewStandard standard) {
		List<InvalidField> errors = new ArrayList<>();
		String code = standard.code() == null ? "" : standard.code().strip();
		if (code.isEmpty()) {
			errors.add(new InvalidField("code", "is required"));
		}
		else if (!code.matches(CODE_PATTERN) || code.length() > CODE_LENGTH) {
			errors.add(new InvalidField("code", "must be capital letters, digits and single hyphens, starting with a letter, at most "
					+ CODE_LENGTH + " characters, e.g. BANGKOK-RULES"));
		}
		else if (!code.equals(standard.code())) {
			errors.add(new InvalidField("code", "must not begin or end with spaces"));
		}
		errors.addAll(ChangeStandard.problems(new ChangeStandard.Wording(standard.title(), standard.adoptedBy())));
		return errors;
	}

}
