package org.coopflow.demo;

import java.util.List;

/**
 * What each office's demo programmes are about. Every programme has a beneficiary country of its own,
 * so that overlap screening pairs only the two Malawi proposals, which are meant to overlap.
 */
enum Desk {

	CPCJD(List.of("SMR-PRISONERS", "TOKYO-RULES"),
			"Compendium in Portuguese for Mozambique", "MZ",
			"Translating and printing the Compendium of United Nations Standards and Norms in Crime Prevention and "
					+ "Criminal Justice in Portuguese, and training court and prison staff in its use.",
			"Non-custodial measures for young offenders in Peru", "PE",
			"Advice to the Ministry of Justice on applying the Tokyo Rules to young offenders, and drafting the "
					+ "regulations for community service orders.",
			"Prison health care in Kenya", "KE",
			"Training prison medical staff and advising the Kenya Prisons Service on health care in prisons under the "
					+ "Nelson Mandela Rules.",
			"Prison statistics survey in Tanzania", "TZ",
			"Supporting the Government's replies to the questionnaire on the Standard Minimum Rules and an expert "
					+ "meeting on prison statistics.",
			"Alternatives to imprisonment in Uganda", "UG",
			"Training magistrates and probation officers in the Tokyo Rules and advising on the community service "
					+ "scheme.",
			"Training of magistrates in non-custodial sentencing",
			"Curriculum agreed with the Judicial Studies Institute", "First 60 magistrates trained",
			"Advice on the community service regulations",
			"Curriculum agreed; the institute will host the courses.",
			"Prison inspection reform in Ghana", "GH",
			"Advice to the Ghana Prisons Service on independent inspections under the Standard Minimum Rules.",
			"Advice on an independent prison inspectorate",
			"The inspectorate's terms of reference were adopted and its first inspectors appointed.",
			"The advice cost less than planned; Norway asked for the balance back."),

	OHCHR(List.of("BP-LAWYERS", "BP-JUDICIARY"),
			"Victims' access to lawyers in Colombia", "CO",
			"Legal aid for victims of crime and abuse of power, following the Basic Principles on the Role of "
					+ "Lawyers.",
			"Independence of the judiciary in Nepal", "NP",
			"Advice on the judicial council's rules of appointment and discipline under the Basic Principles on the "
					+ "Independence of the Judiciary.",
			"Lawyers' access to detainees in Cambodia", "KH",
			"Training lawyers and police on detainees' access to counsel, and advice on the bar association's rules.",
			"Judicial integrity survey in Senegal", "SN",
			"A survey of judges on independence and an expert meeting on the findings.",
			"Independence of lawyers in Tunisia", "TN",
			"Training for the bar and advice on the law on the legal profession under the Basic Principles on the Role "
					+ "of Lawyers.",
			"Training of young lawyers on defence rights",
			"Training modules agreed with the bar association", "Regional trainings held",
			"Advice on the draft law on the legal profession",
			"Modules agreed with the national bar association.",
			"Judicial appointments advice in Jordan", "JO",
			"Advice on transparent judicial appointments under the Basic Principles on the Independence of the "
					+ "Judiciary.",
			"Advice on the judicial council's appointment rules",
			"The judicial council adopted public criteria for appointments.",
			"Part of the budget was not needed; Japan asked for it to be returned.");

	final List<String> standards;

	final String draftTitle, draftCountry, draftText;

	final String reviewTitle, reviewCountry, reviewText;

	final String openTitle, openCountry, openText;

	final String fundedTitle, fundedCountry, fundedText;

	final String implTitle, implCountry, implText;

	final String trainingTitle, firstMilestone, secondMilestone, adviceTitle, milestoneNote;

	final String closedTitle, closedCountry, closedText, closedActivity, finalReport, unspentReason;

	Desk(List<String> standards, String draftTitle, String draftCountry, String draftText, String reviewTitle,
			String reviewCountry, String reviewText, String openTitle, String openCountry, String openText,
			String fundedTitle, String fundedCountry, String fundedText, String implTitle, String implCountry,
			String implText, String trainingTitle, String firstMilestone, String secondMilestone, String adviceTitle,
			String milestoneNote, String closedTitle, String closedCountry, String closedText, String closedActivity,
			String finalReport, String unspentReason) {
		this.standards = standards;
		this.draftTitle = draftTitle;
		this.draftCountry = draftCountry;
		this.draftText = draftText;
		this.reviewTitle = reviewTitle;
		this.reviewCountry = reviewCountry;
		this.reviewText = reviewText;
		this.openTitle = openTitle;
		this.openCountry = openCountry;
		this.openText = openText;
		this.fundedTitle = fundedTitle;
		this.fundedCountry = fundedCountry;
		this.fundedText = fundedText;
		this.implTitle = implTitle;
		this.implCountry = implCountry;
		this.implText = implText;
		this.trainingTitle = trainingTitle;
		this.firstMilestone = firstMilestone;
		this.secondMilestone = secondMilestone;
		this.adviceTitle = adviceTitle;
		this.milestoneNote = milestoneNote;
		this.closedTitle = closedTitle;
		this.closedCountry = closedCountry;
		this.closedText = closedText;
		this.closedActivity = closedActivity;
		this.finalReport = finalReport;
		this.unspentReason = unspentReason;
	}

}
