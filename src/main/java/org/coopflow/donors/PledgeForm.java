package org.coopflow.donors;

import static org.coopflow.web.FormFields.amount;
import static org.coopflow.web.FormFields.blankToNull;
import static org.coopflow.web.FormFields.choice;
import static org.coopflow.web.FormFields.date;
import static org.coopflow.web.FormFields.isBlank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coopflow.shared.InvalidField;
import org.coopflow.pledges.Earmarking;
import org.coopflow.pledges.PledgeRequest;
import org.coopflow.reference.Office;

/**
 * The pledge form as the browser sends it: every field a string, so that whatever a person typed comes
 * back to them with the reason it was refused. The earmark's target has a field per kind (a standard,
 * a country, a programme), so that the form works without script; {@link #toRequest()} keeps the one
 * the chosen earmarking needs. Instalment rows left empty are not instalments.
 */
class PledgeForm {

	/** Rows a page without script offers; with script the donor adds and removes rows. */
	static final int EMPTY_ROWS = 4;

	/** Fields whose input has the field's name as its id. */
	private static final Set<String> INPUTS = Set.of("amount", "currency", "earmarkStandard", "earmarkCountry",
			"programmeId", "office", "lapseDate", "note");

	private static final Pattern INSTALMENT_FIELD = Pattern.compile("instalments\\[(\\d+)\\](.*)");

	private String idempotencyKey;

	private String amount;

	private String currency = "USD";

	private String earmarking = Earmarking.NONE.name();

	private String earmarkStandard;

	private String earmarkCountry;

	private String programmeId;

	private String office;

	private String lapseDate;

	private String note;

	private boolean draft;

	private List<InstalmentRow> instalments = new ArrayList<>();

	public static class InstalmentRow {

		private String dueDate;

		private String amount;

		public String getDueDate() {
			return dueDate;
		}

		public void setDueDate(String dueDate) {
			this.dueDate = dueDate;
		}

		public String getAmount() {
			return amount;
		}

		public void setAmount(String amount) {
			this.amount = amount;
		}

		boolean isEmpty() {
			return isBlank(dueDate) && isBlank(amount);
		}

	}

	/** A request the service can judge, or the fields that are not even a number or a date. */
	record Parsed(PledgeRequest request, List<InvalidField> errors) {
	}

	static PledgeForm blank(String idempotencyKey, Long programmeId) {
		PledgeForm form = new PledgeForm();
		form.idempotencyKey = idempotencyKey;
		if (programmeId != null) {
			form.earmarking = Earmarking.PROGRAMME.name();
			form.programmeId = programmeId.toString();
		}
		form.padRows();
		return form;
	}

	/** At least {@link #EMPTY_ROWS} rows, and one empty row more than were filled in. */
	void padRows() {
		int filled = (int) instalments.stream().filter(row -> !row.isEmpty()).count();
		while (instalments.size() < Math.max(EMPTY_ROWS, filled + 1)) {
			instalments.add(new InstalmentRow());
		}
	}

	Parsed toRequest() {
		List<InvalidField> errors = new ArrayList<>();
		BigDecimal pledged = amount(amount, "amount", "25000.00", errors);
		Earmarking chosen = choice(Earmarking.class, earmarking, "earmarking", errors);
		String target = chosen == Earmarking.STANDARD ? blankToNull(earmarkStandard)
				: chosen == Earmarking.COUNTRY ? blankToNull(earmarkCountry) : null;
		Long programme = null;
		if (chosen == Earmarking.PROGRAMME && !isBlank(programmeId)) {
			try {
				programme = Long.valueOf(programmeId.trim());
			}
			catch (NumberFormatException e) {
				errors.add(new InvalidField("programmeId", "'" + programmeId + "' is not a programme number"));
			}
		}
		Office handledBy = choice(Office.class, office, "office", errors);
		LocalDate lapse = date(lapseDate, "lapseDate", errors);
		List<PledgeRequest.InstalmentRequest> schedule = new ArrayList<>();
		for (int row = 0; row < instalments.size(); row++) {
			InstalmentRow instalment = instalments.get(row);
			if (instalment == null || instalment.isEmpty()) {
				continue;
			}
			String field = "instalments[" + row + "]";
			schedule.add(new PledgeRequest.InstalmentRequest(date(instalment.dueDate, field + ".dueDate", errors),
					amount(instalment.amount, field + ".amount", "25000.00", errors)));
		}
		PledgeRequest request = new PledgeRequest(pledged, blankToNull(currency), chosen, target, programme, handledBy,
				lapse, schedule, draft, blankToNull(note));
		return new Parsed(request, errors);
	}

	/**
	 * The service names instalments by their place among the filled-in rows; the form names them by row,
	 * and the earmark's target by the field of the chosen kind.
	 */
	List<InvalidField> onForm(List<InvalidField> errors) {
		List<Integer> filledRows = new ArrayList<>();
		for (int row = 0; row < instalments.size(); row++) {
			if (instalments.get(row) != null && !instalments.get(row).isEmpty()) {
				filledRows.add(row);
			}
		}
		List<InvalidField> onForm = new ArrayList<>();
		for (InvalidField error : errors) {
			String field = error.field();
			Matcher instalment = INSTALMENT_FIELD.matcher(field);
			if (instalment.matches() && Integer.parseInt(instalment.group(1)) < filledRows.size()) {
				field = "instalments[" + filledRows.get(Integer.parseInt(instalment.group(1))) + "]" + instalment.group(2);
			}
			else if (field.equals("earmarkTarget")) {
				field = Earmarking.STANDARD.name().equals(earmarking) ? "earmarkStandard"
						: Earmarking.COUNTRY.name().equals(earmarking) ? "earmarkCountry" : "earmarking";
			}
			onForm.add(new InvalidField(field, error.reason()));
		}
		return onForm;
	}

	/** Each field's reasons, by the field's name on the form. */
	static Map<String, String> byField(List<InvalidField> errors) {
		Map<String, String> reasons = new LinkedHashMap<>();
		errors.forEach(error -> reasons.merge(error.field(), error.reason(), (a, b) -> a + "; " + b));
		return reasons;
	}

	/** The id of the input a field's error is about, for the links of the error summary. */
	static String anchor(String field) {
		Matcher instalment = INSTALMENT_FIELD.matcher(field);
		if (instalment.matches()) {
			int row = Integer.parseInt(instalment.group(1)) + 1;
			return instalment.group(2).equals(".amount") ? "instalment-" + row + "-amount"
					: "instalment-" + row + "-dueDate";
		}
		if (field.equals("earmarking")) {
			return "earmarking-" + Earmarking.NONE.name();
		}
		if (field.equals("instalments")) {
			return "instalments";
		}
		return INPUTS.contains(field) ? field : "pledge-form";
	}

	/** How the error summary names a field. */
	static String label(String field) {
		Matcher instalment = INSTALMENT_FIELD.matcher(field);
		if (instalment.matches()) {
			String part = switch (instalment.group(2)) {
				case ".dueDate" -> " due date";
				case ".amount" -> " amount";
				default -> "";
			};
			return "Instalment " + (Integer.parseInt(instalment.group(1)) + 1) + part;
		}
		return switch (field) {
			case "amount" -> "Amount";
			case "currency" -> "Currency";
			case "earmarking" -> "What the pledge is for";
			case "earmarkStandard" -> "Standard";
			case "earmarkCountry" -> "Country";
			case "programmeId" -> "Programme";
			case "office" -> "Office";
			case "lapseDate" -> "Agreement by";
			case "note" -> "Note";
			case "instalments" -> "Instalments";
			default -> "The form";
		};
	}






	public String getIdempotencyKey() {
		return idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

	public String getAmount() {
		return amount;
	}

	public void setAmount(String amount) {
		this.amount = amount;
	}

	public String getCurrency() {
		return currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public String getEarmarking() {
		return earmarking;
	}

	public void setEarmarking(String earmarking) {
		this.earmarking = earmarking;
	}

	public String getEarmarkStandard() {
		return earmarkStandard;
	}

	public void setEarmarkStandard(String earmarkStandard) {
		this.earmarkStandard = earmarkStandard;
	}

	public String getEarmarkCountry() {
		return earmarkCountry;
	}

	public void setEarmarkCountry(String earmarkCountry) {
		this.earmarkCountry = earmarkCountry;
	}

	public String getProgrammeId() {
		return programmeId;
	}

	public void setProgrammeId(String programmeId) {
		this.programmeId = programmeId;
	}

	public String getOffice() {
		return office;
	}

	public void setOffice(String office) {
		this.office = office;
	}

	public String getLapseDate() {
		return lapseDate;
	}

	public void setLapseDate(String lapseDate) {
		this.lapseDate = lapseDate;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public boolean isDraft() {
		return draft;
	}

	public void setDraft(boolean draft) {
		this.draft = draft;
	}

	public List<InstalmentRow> getInstalments() {
		return instalments;
	}

	public void setInstalments(List<InstalmentRow> instalments) {
		this.instalments = instalments;
	}

}
