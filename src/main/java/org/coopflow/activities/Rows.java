package org.coopflow.activities;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;

/** Reads of nullable dates and times, and IN lists, that the module's repositories all need. */
final class Rows {

	private Rows() {
	}

	static LocalDate date(ResultSet rs, int column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** "?, ?, ?" for as many values. */
	static String placeholders(Collection<?> values) {
		return values.stream().map(x -> "?").collect(Collectors.joining(", "));
	}

}
