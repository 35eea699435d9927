package org.coopflow.activities;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.coopflow.shared.InvalidField;
import org.coopflow.programmes.ActivityType;

/**
 * The "Plan an activity" form of the implementation page, as typed: every field a string, so that what
 * a person typed comes back with the errors. Milestones are one per line, "YYYY-MM-DD title".
 */
class ActivityForm {

	private String type = "";

	private String title = "";

	private String country = "";

	private List<String> standards = new ArrayList<>();

	private String plannedStart = "";

	private String plannedEnd = "";

	private String budgetLine = "";

	private String plannedCost = "";

	private String milestones = "";

	record Parsed(ActivityDraft draft, List<InvalidField> errors) {
	}

	Parsed toDraft() {
		List<InvalidField> errors = new ArrayList<>();
		ActivityType parsedType = null;
		if (!type.isBlank()) {
			try {
				parsedType = ActivityType.valueOf(type.trim());
			}
			catch (IllegalArgumentException e) {
				errors.add(new InvalidField("type", "choose one of the programme's activity types"));
			}
		}
		LocalDate start = date("plannedStart", plannedStart, errors);
		LocalDate end = date("plannedEnd", plannedEnd, errors);
		BigDecimal cost = null;
		if (!plannedCost.isBlank()) {
			try {
				cost = new BigDecimal(plannedCost.trim());
			}
			catch (NumberFormatException e) {
				errors.add(new InvalidField("plannedCost", "must be an amount such as 12500.00"));
			}
		}
		List<MilestoneDraft> parsedMilestones = new ArrayList<>();
		String[] lines = milestones.strip().isEmpty() ? new String[0] : milestones.strip().split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("\\s+", 2);
			try {
				parsedMilestones.add(new MilestoneDraft(parts.length > 1 ? parts[1] : "", LocalDate.parse(parts[0])));
			}
			catch (DateTimeParseException e) {
				errors.add(new InvalidField("milestones", "line " + (i + 1) + " must start with a date as YYYY-MM-DD, then the title"));
			}
		}
		ActivityDraft draft = new ActivityDraft(parsedType, title.strip(), null, country.isBlank() ? null : country.trim(),
				standards, start, end, budgetLine.strip(), cost, parsedMilestones, null);
		return new Parsed(draft, errors);
	}

	private static LocalDate date(String field, String value, List<InvalidField> errors) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			errors.add(new InvalidField(field, "must be a date as YYYY-MM-DD"));
			return null;
		}
	}

	/** Errors of a milestone line (milestones[2].title) are shown at the milestones field. */
	static String onForm(String field) {
		return field.startsWith("milestones") ? "milestones" : field.startsWith("standards") ? "standards" : field;
	}

	public String getType() {
		return type;
	}

	public void setType(String type) {
		this.type = type == null ? "" : type;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title == null ? "" : title;
	}

	public String getCountry() {
		return country;
	}

	public void setCountry(String country) {
		this.country = country == null ? "" : country;
	}

	public List<String> getStandards() {
		return standards;
	}

	public void setStandards(List<String> standards) {
		this.standards = standards == null ? new ArrayList<>() : standards;
	}

	public String getPlannedStart() {
		return plannedStart;
	}

	public void setPlannedStart(String plannedStart) {
		this.plannedStart = plannedStart == null ? "" : plannedStart;
	}

	public String getPlannedEnd() {
		return plannedEnd;
	}

	public void setPlannedEnd(String plannedEnd) {
		this.plannedEnd = plannedEnd == null ? "" : plannedEnd;
	}

	public String getBudgetLine() {
		return budgetLine;
	}

	public void setBudgetLine(String budgetLine) {
		this.budgetLine = budgetLine == null ? "" : budgetLine;
	}

	public String getPlannedCost() {
		return plannedCost;
	}

	public void setPlannedCost(String plannedCost) {
		this.plannedCost = plannedCost == null ? "" : plannedCost;
	}

	public String getMilestones() {
		return milestones;
	}

	public void setMilestones(String milestones) {
		this.milestones = milestones == null ? "" : milestones;
	}

}
