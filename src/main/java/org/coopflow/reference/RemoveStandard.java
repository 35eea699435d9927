package org.coopflow.reference;

import java.util.List;
import java.util.Optional;

import org.coopflow.shared.ConflictException;
import org.coopflow.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator removes a standard nothing names, typically one added with a mistyped code. A standard that a
 * programme, pledge, activity, result, survey request or overlap alert names stays ({@link StandardUses}): they
 * name it by its code, which would then name nothing.
 */
@Service
class RemoveStandard {

	private static final Logger log = LoggerFactory.getLogger(RemoveStandard.class);

	private final JdbcClient jdbc;

	private final StandardsCatalogue catalogue;

	private final List<StandardUses> uses;

	private final ReferenceCodes codes;

	RemoveStandard(JdbcClient jdbc, StandardsCatalogue catalogue, List<StandardUses> uses, ReferenceCodes codes) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.uses = uses;
		this.codes = codes;
	}

	/**
	 * @return the standard removed
	 * @throws NotFoundException when the catalogue has no such standard
	 * @throws ConflictException naming what still names it; nothing removed
	 */
	@Transactional
	Standard remove(String administrator, String code) {
		// additions and removals take turns, so that a count of the catalogue is never taken halfway
		catalogue.takeTurn();
		Standard standard = catalogue.lockedForChange(code);
		List<String> namedBy = uses.stream().map(use -> use.of(standard.code())).flatMap(Optional::stream).sorted().toList();
		if (!namedBy.isEmpty()) {
			boolean one = namedBy.size() == 1 && namedBy.get(0).startsWith("1 ");
			throw new ConflictException(standard.code() + " stays in the catalogue: " + String.join(", ", namedBy)
					+ (one ? " names it" : " name it") + ". Only a standard nothing names can be removed.");
		}
		try {
			jdbc.sql("DELETE FROM standard WHERE code = ?").param(standard.code()).update();
		}
		catch (DataIntegrityViolationException e) {
			// a programme or survey request named it between the question and the removal
			throw new ConflictException(standard.code() + " stays in the catalogue: something names it now.");
		}
		codes.forgetOnCommit();
		log.info("{} removed the standard {} ({}; {})", administrator, standard.code(), standard.title(), standard.adoptedBy());
		return standard;
	}

}
