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

	private final StandardsCatalogue catalogue;

	ChangeStandard(JdbcClient jdbc, StandardsCatalogue catalogue) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
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
		// in turn with additions and other changes, so that two never take one title at once
		catalogue.takeTurn();
		Standard before = catalogue.lockedForChange(code);
		Standard changed = new Standard(before.code(), oneLine(wording.title()), oneLine(wording.adoptedBy()));
		requireOwnTitle(catalogue, changed);
		jdbc.sql("UPDATE standard SET title = ?, adopted_by = ? WHERE code = ?")
			.params(changed.title(), changed.adoptedBy(), changed.code())
			.update();
		// the catalogue keeps no history of its own: the log keeps what it said before
		log.info("{} changed the standard {} from: {}; {} to: {}; {}", administrator, changed.code(), before.title(),
				before.adoptedBy(), changed.title(), changed.adoptedBy());
		return changed;
	}

	/** @throws InvalidInputException (field "title") when another standard has the title already */
	static void requireOwnTitle(StandardsCatalogue catalogue, Standard standard) {
		catalogue.otherWithTitle(standard.title(), standard.code()).ifPresent(other -> {
			throw new InvalidInputException("title", "is the title of " + other
					+ " already: two standards with one title could not be told apart on the pages");
		});
	}

	/** Words as one line: a line break typed into the form (or sent to forge a log line) becomes a space. */
	static String oneLine(String words) {
		return words.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
	}

	static List<InvalidField> problems(Wording wording) {
		List<InvalidField> errors = new ArrayList<>();
		check(errors, "title", wording.title(), TITLE_LENGTH, "the instrument's name as the resolution gives it");
		check(errors, "adoptedBy", wording.adoptedBy(), ADOPTED_BY_LENGTH, "the congress or resolution that adopted or endorsed it");
		return errors;
	}

	private static void check(List<InvalidField> errors, String field, String value, int length, String what) {
		if (value == null || oneLine(value).isEmpty()) {
			errors.add(new InvalidField(field, "is required: " + what));
		}
		else if (oneLine(value).length() > length) {
			errors.add(new InvalidField(field, "must be at most " + length + " characters long"));
		}
	}

}
