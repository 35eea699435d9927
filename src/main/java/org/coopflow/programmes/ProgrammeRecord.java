package org.coopflow.programmes;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.coopflow.shared.ConflictException;
import org.coopflow.shared.NotFoundException;
import org.coopflow.shared.StaleVersionException;
import org.springframework.stereotype.Component;

/**
 * What every use case that changes a programme does with its record: reads it, moves its status only from
 * the statuses the change allows, and keeps each change in the programme's history with what it changed.
 */
@Component
class ProgrammeRecord {

	private final ProgrammeRepository programmes;

	private final ObjectMapper json;

	private final Clock clock;

	ProgrammeRecord(ProgrammeRepository programmes, ObjectMapper json) {
		this.programmes = programmes;
		this.json = json;
		// wall time, not the engine's clock (the Clock bean): updated_at is the overlap index's change
		// watermark (PortfolioIndex), which needs a time that never moves back, and the demo loader and
		// process tests move the engine's clock back and forth
		this.clock = Clock.systemUTC();
	}

	Instant now() {
		return clock.instant();
	}

	ProgrammeView find(long id) {
		return programmes.find(id).orElseThrow(() -> notFound(id));
	}

	/** The history's first entry: every field the author gave. */
	ProgrammeView created(long id, String by) {
		ProgrammeView created = find(id);
		programmes.insertChange(id, created.version(), "CREATED", by, created.createdAt(), diff(Map.of(), fields(created)),
				null);
		return created;
	}

	/**
	 * Moves the programme to {@code to} if its status is one of {@code from}, also when another request changes
	 * it at the same moment, and records the change.
	 */
	ProgrammeView transition(long programmeId, String kind, ProgrammeStatus to, String by, String note,
			ProgrammeStatus... from) {
		ProgrammeView before = find(programmeId);
		requireStatus(before, from);
		if (!programmes.transitionStatus(programmeId, to, EnumSet.copyOf(List.of(from)), by, now())) {
			ProgrammeStatus status = programmes.find(programmeId).map(ProgrammeView::status).orElse(null);
			throw new ConflictException("Programme " + programmeId + " is " + status + " now; it was changed at the same time.");
		}
		return record(before, kind, by, note);
	}

	/** Records what changed since {@code before}, as the programme now stands. */
	ProgrammeView record(ProgrammeView before, String kind, String by, String note) {
		ProgrammeView after = find(before.id());
		programmes.insertChange(after.id(), after.version(), kind, by, after.updatedAt(), diff(fields(before), fields(after)),
				note);
		return after;
	}

	static void requireStatus(ProgrammeView programme, ProgrammeStatus... allowed) {
		if (!List.of(allowed).contains(programme.status())) {
			throw new ConflictException("Programme " + programme.id() + " is " + programme.status() + ", expected one of "
					+ List.of(allowed));
		}
	}

	/** The fields a person changes; bookkeeping (version, who, when) is the history entry itself. */
	private Map<String, Object> fields(ProgrammeView view) {
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = json.convertValue(view, LinkedHashMap.class);
		List.of("id", "version", "createdBy", "createdAt", "updatedBy", "updatedAt").forEach(fields::remove);
		return fields;
	}

	private static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
		Map<String, Object> changes = new LinkedHashMap<>();
		for (String field : after.keySet()) {
			Object from = before.get(field);
			Object to = after.get(field);
			if (!Objects.equals(from, to)) {
				Map<String, Object> change = new LinkedHashMap<>();
				change.put("from", from);
				change.put("to", to);
				changes.put(field, change);
			}
		}
		return changes;
	}

	static NotFoundException notFound(long id) {
		return new NotFoundException("There is no programme " + id + ".");
	}

	static StaleVersionException stale(long id, int expected, int actual) {
		return new StaleVersionException("Programme " + id + " has changed since version " + expected
				+ " was read (it is now version " + actual + "); read it again and reapply your change.");
	}

}
