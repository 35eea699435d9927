package org.coopflow.programmepages;

import static org.coopflow.web.FormFields.amount;
import static org.coopflow.web.FormFields.blankToNull;
import static org.coopflow.web.FormFields.date;
import static org.coopflow.web.FormFields.isBlank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.coopflow.shared.InvalidField;
import org.coopflow.programmes.ActivityType;
import org.coopflow.programmes.ProgrammeDraft;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.programmes.Scope;
import org.coopflow.reference.DacSectors;
import org.coopflow.reference.Money;

/**
 * The programme form as the browser sends it: every field as typed, so that a refused form comes back
 * as it was written. {@link #toDraft()} turns it into the API's {@link ProgrammeDraft}, naming the
 * fields that are not even a number or a date; every other rule is the programmes module's.
 */
class ProgrammeForm {

	/** The form's fields in the order they appear, with the words a person reads for each. */
	static final Map<String, String> LABELS = labels();

	private String title;

	private String description;

	private String scope = Scope.NATIONAL.name();

	private List<String> countries = new ArrayList<>();

	private List<String> standards = new ArrayList<>();

	private List<String> activityTypes = new ArrayList<>();

	/** The sectors of the justice / human-rights group, ticked by name. */
	private List<String> commonSectors = new ArrayList<>();

	/** Any other DAC sectors, typed as codes. */
	private String sectors;

	private String beneficiaryInstitution;

	private String implementingPartner;

	private String plannedStart;

	private String plannedEnd;

	private String budgetAmount;

	private String budgetCurrency = "USD";

	private String fundingDeadlineDays;

	private String reviewNotes;

	private Integer version;

	record Parsed(ProgrammeDraft draft, List<InvalidField> errors) {
	}

	static ProgrammeForm of(ProgrammeView programme) {
		ProgrammeForm form = new ProgrammeForm();
		form.title = programme.title();
		form.description = programme.description();
		form.scope = programme.scope() == null ? null : programme.scope().name();
		form.countries = new ArrayList<>(programme.countries());
		form.standards = new ArrayList<>(programme.standards());
		form.activityTypes = new ArrayList<>(programme.activityTypes().stream().map(Enum::name).toList());
		Map<Boolean, List<String>> ticked = programme.sectors()
			.stream()
			.collect(Collectors.partitioningBy(DacSectors.JUSTICE_AND_HUMAN_RIGHTS::contains));
		form.commonSectors = new ArrayList<>(ticked.get(true));
		form.sectors = String.join(", ", ticked.get(false));
		form.beneficiaryInstitution = programme.beneficiaryInstitution();
		form.implementingPartner = programme.implementingPartner();
		form.plannedStart = programme.plannedStart() == null ? null : programme.plannedStart().toString();
		form.plannedEnd = programme.plannedEnd() == null ? null : programme.plannedEnd().toString();
		form.budgetAmount = programme.budget() == null ? null : programme.budget().amount().toPlainString();
		form.budgetCurrency = programme.budget() == null ? null : programme.budget().currency();
		form.fundingDeadlineDays = String.valueOf(programme.fundingDeadlineDays());
		form.reviewNotes = programme.reviewNotes();
		form.version = programme.version();
		return form;
	}

	Parsed toDraft() {
		List<InvalidField> errors = new ArrayList<>();
		Scope chosenScope = null;
		if (!isBlank(scope)) {
			try {
				chosenScope = Scope.valueOf(scope.trim());
			}
			catch (IllegalArgumentException e) {
				errors.add(new InvalidField("scope", "must be one of the choices"));
			}
		}
		List<ActivityType> types = new ArrayList<>();
		for (String type : activityTypes) {
			try {
				types.add(ActivityType.valueOf(type));
			}
			catch (IllegalArgumentException e) {
				errors.add(new InvalidField("activityTypes", "'" + type + "' is not one of the choices"));
			}
		}
		// a code both ticked and typed is one sector, not a mistake to refuse
		Set<String> chosenSectors = new LinkedHashSet<>(commonSectors);
		if (!isBlank(sectors)) {
			Arrays.stream(sectors.split("[,;\\s\\u00A0]+")).filter(code -> !code.isBlank()).forEach(chosenSectors::add);
		}
		List<String> sectorCodes = List.copyOf(chosenSectors);
		LocalDate start = date(plannedStart, "plannedStart", errors);
		LocalDate end = date(plannedEnd, "plannedEnd", errors);
		BigDecimal amount = amount(budgetAmount, "budget.amount", "250000.00", errors);
		Integer deadline = null;
		if (!isBlank(fundingDeadlineDays)) {
			try {
				deadline = Integer.valueOf(fundingDeadlineDays.trim());
			}
			catch (NumberFormatException e) {
				errors.add(new InvalidField("fundingDeadlineDays", "'" + fundingDeadlineDays + "' is not a whole number of days"));
			}
		}
		String currency = isBlank(budgetCurrency) ? null : budgetCurrency.trim().toUpperCase(java.util.Locale.ROOT);
		Money budget = amount == null && currency == null ? null : new Money(amount, currency);
		ProgrammeDraft draft = new ProgrammeDraft(null, blankToNull(title), blankToNull(description), chosenScope,
				List.copyOf(countries), List.copyOf(standards), types, sectorCodes, blankToNull(beneficiaryInstitution),
				blankToNull(implementingPartner), start, end, budget, deadline, blankToNull(reviewNotes), version);
		return new Parsed(draft, errors);
	}

	/**
	 * What the form found and what the programmes module refused, one list: a field the form could not
	 * read keeps the form's reason only, since "must not be null" would be wrong about what was typed.
	 */
	static List<InvalidField> merge(List<InvalidField> unreadable, List<InvalidField> refused) {
		Set<String> fields = new java.util.HashSet<>();
		unreadable.forEach(error -> fields.add(field(error.field())));
		List<InvalidField> all = new ArrayList<>(unreadable);
		refused.stream().filter(error -> !fields.contains(field(error.field()))).forEach(all::add);
		all.sort(java.util.Comparator.comparing(error -> order(field(error.field()))));
		return all;
	}

	/** The form field an error is about: {@code countries[2]} is the countries list, {@code budget.amount} the amount. */
	static String field(String apiField) {
		String base = apiField == null ? "form" : apiField.replaceAll("\\[\\d+\\].*$", "");
		return switch (base) {
			case "budget", "budget.amount" -> "budgetAmount";
			case "budget.currency" -> "budgetCurrency";
			default -> LABELS.containsKey(base) ? base : "form";
		};
	}

	static String label(String field) {
		return LABELS.getOrDefault(field, "The programme");
	}

	/** The API's reasons name fields and values as codes; a person reads them as words. */
	static String inWords(String reason) {
		// bean validation's defaults speak of values; a person reads what to do
		String words = switch (reason) {
			case "must not be null", "must not be blank" -> "is required";
			case "must not be empty" -> "choose at least one";
			default -> reason;
		};
		for (Map.Entry<String, String> entry : LABELS.entrySet()) {
			if (entry.getKey().equals(entry.getKey().toLowerCase(java.util.Locale.ROOT))) {
				continue; // a one-word name such as "title" is a word already, and a common one
			}
			words = words.replaceAll("\\b" + entry.getKey() + "\\b", "the " + entry.getValue().toLowerCase(java.util.Locale.ROOT));
		}
		for (Scope value : Scope.values()) {
			words = words.replaceAll("\\b" + value.name() + "\\b", value.label().toLowerCase(java.util.Locale.ROOT));
		}
		return words;
	}

	/** Each field's errors joined, by form field. */
	static Map<String, String> byField(List<InvalidField> errors) {
		Map<String, String> byField = new LinkedHashMap<>();
		errors.forEach(error -> byField.merge(field(error.field()), inWords(error.reason()), (a, b) -> a + "; " + b));
		return byField;
	}

	private static int order(String field) {
		int index = new ArrayList<>(LABELS.keySet()).indexOf(field);
		return index < 0 ? -1 : index;
	}

	private static Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("title", "Title");
		labels.put("description", "Description");
		labels.put("scope", "Scope");
		labels.put("countries", "Beneficiary countries");
		labels.put("standards", "Standards");
		labels.put("activityTypes", "Activity types");
		labels.put("sectors", "DAC sectors");
		labels.put("beneficiaryInstitution", "Beneficiary institution");
		labels.put("implementingPartner", "Implementing partner");
		labels.put("plannedStart", "Planned start");
		labels.put("plannedEnd", "Planned end");
		labels.put("budgetAmount", "Budget amount");
		labels.put("budgetCurrency", "Budget currency");
		labels.put("fundingDeadlineDays", "Funding period in days");
		labels.put("reviewNotes", "Notes for the reviewer");
		return labels;
	}




	// --- bound by Spring from the form's fields ------------------------------------------------------

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getScope() {
		return scope;
	}

	public void setScope(String scope) {
		this.scope = scope;
	}

	public List<String> getCountries() {
		return countries;
	}

	public void setCountries(List<String> countries) {
		this.countries = countries == null ? new ArrayList<>() : countries;
	}

	public List<String> getStandards() {
		return standards;
	}

	public void setStandards(List<String> standards) {
		this.standards = standards == null ? new ArrayList<>() : standards;
	}

	public List<String> getActivityTypes() {
		return activityTypes;
	}

	public void setActivityTypes(List<String> activityTypes) {
		this.activityTypes = activityTypes == null ? new ArrayList<>() : activityTypes;
	}

	public List<String> getCommonSectors() {
		return commonSectors;
	}

	public void setCommonSectors(List<String> commonSectors) {
		this.commonSectors = commonSectors == null ? new ArrayList<>() : commonSectors;
	}

	public String getSectors() {
		return sectors;
	}

	public void setSectors(String sectors) {
		this.sectors = sectors;
	}

	public String getBeneficiaryInstitution() {
		return beneficiaryInstitution;
	}

	public void setBeneficiaryInstitution(String beneficiaryInstitution) {
		this.beneficiaryInstitution = beneficiaryInstitution;
	}

	public String getImplementingPartner() {
		return implementingPartner;
	}

	public void setImplementingPartner(String implementingPartner) {
		this.implementingPartner = implementingPartner;
	}

	public String getPlannedStart() {
		return plannedStart;
	}

	public void setPlannedStart(String plannedStart) {
		this.plannedStart = plannedStart;
	}

	public String getPlannedEnd() {
		return plannedEnd;
	}

	public void setPlannedEnd(String plannedEnd) {
		this.plannedEnd = plannedEnd;
	}

	public String getBudgetAmount() {
		return budgetAmount;
	}

	public void setBudgetAmount(String budgetAmount) {
		this.budgetAmount = budgetAmount;
	}

	public String getBudgetCurrency() {
		return budgetCurrency;
	}

	public void setBudgetCurrency(String budgetCurrency) {
		this.budgetCurrency = budgetCurrency;
	}

	public String getFundingDeadlineDays() {
		return fundingDeadlineDays;
	}

	public void setFundingDeadlineDays(String fundingDeadlineDays) {
		this.fundingDeadlineDays = fundingDeadlineDays;
	}

	public String getReviewNotes() {
		return reviewNotes;
	}

	public void setReviewNotes(String reviewNotes) {
		this.reviewNotes = reviewNotes;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
