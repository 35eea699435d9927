package org.coopflow.reference;

import java.util.ArrayList;
import java.util.List;

import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator corrects a standard's title or what adopted it, for instance when the draft under expert
 * review is adopted by a resolution. The code never changes: programmes, pledges, activities, results and
 * published IATI files name the standard by it. Every page shows the new words at once, on every node,
 * since nothing keeps the catalogue in memory.
 */
@Service
class ChangeStandard {

	private static final Logger log = LoggerFactory.getLogger(ChangeStandard.class);

	static final int TITLE_LENGTH = 300;

	static final int ADOPTED_BY_LENGTH = 600;

	private final JdbcClient jdbc;

	ChangeStandard(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Wording(String title, String adoptedBy) {
	}

	/**
	 * @throws InvalidInputException naming every field that is wrong; nothing changed
	 * @throws NotFoundException when the catalogue has no such standard
	 */
	@Transactional
	Standard change(String administrator, String code, Wording wording) {
		List<InvalidField> errors = problems(wording);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Standard changed = new Standard(code, wording.title().strip(), wording.adoptedBy().strip());
		int updated = jdbc.sql("UPDATE standard SET title = ?, adopted_by = ? WHERE code = ?")
			.params(changed.title(), changed.adoptedBy(), code)
			.update();
		if (updated == 0) {
			throw new NotFoundException("The catalogue has no standard " + code + ".");
		}
		log.info("{} changed the standard {} to: {}; {}", administrator, code, changed.title(), changed.adoptedBy());
		return changed;
	}

	static List<InvalidField> problems(Wording wording) {
		List<InvalidField> errors = new ArrayList<>();
		check(errors, "title", wording.title(), TITLE_LENGTH, "the instrument's name as the resolution gives it");
		check(errors, "adoptedBy", wording.adoptedBy(), ADOPTED_BY_LENGTH, "the congress or resolution that adopted or endorsed it");
		return errors;
	}

	private static void check(List<InvalidField> errors, String field, String value, int length, String what) {
		if (value == null || value.isBlank()) {
			errors.add(new InvalidField(field, "is required: " + what));
		}
		else if (value.strip().length() > length) {
			errors.add(new InvalidField(field, "must be at most " + length + " characters long"));
		}
	}

}
