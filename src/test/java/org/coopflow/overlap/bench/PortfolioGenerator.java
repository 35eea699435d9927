package org.coopflow.overlap.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import org.coopflow.overlap.screening.ScreeningProfile;
import org.coopflow.reference.Office;

/**
 * A reproducible portfolio of both offices' programmes: 190 countries, the nine standards of the
 * catalogue, titles and descriptions assembled from phrases about each standard, starts from 2020 to
 * 2030 and ends no later than 2032. Most programmes serve one or two countries; 4 % serve a region
 * (5 to 15 neighbouring countries) and 0.5 % are global. 2 % are rewritten copies of an earlier
 * programme by the other office, so that the portfolio holds real overlaps.
 */
final class PortfolioGenerator {

	static final List<String> COUNTRIES;

	static {
		List<String> codes = new ArrayList<>(Arrays.asList(Locale.getISOCountries()));
		Collections.shuffle(codes, new Random(1997_32));
		COUNTRIES = List.copyOf(codes.subList(0, 190));
	}

	private record Theme(String standard, String name, String sector, String[] institutions, String[] titles,
			String[] aims, String[] activities) {
	}

	private static final Theme[] THEMES = {
			new Theme("SMR-PRISONERS", "the Standard Minimum Rules for the Treatment of Prisoners (the Nelson Mandela Rules)", "15130",
					new String[] { "Prisons Service", "Directorate of Prison Administration", "Ministry of Justice" },
					new String[] { "Implementing the Nelson Mandela Rules in %s", "Prison reform programme for %s",
							"Humane treatment of prisoners in %s", "Prison management and conditions of detention in %s" },
					new String[] { "to bring prison management in line with", "to improve the treatment of prisoners under",
							"to reduce prison overcrowding and apply" },
					new String[] { "training of prison officers", "classification of prisoners", "prison health care",
							"prisoner file management", "disciplinary procedures", "complaint mechanisms for prisoners",
							"review of prison regulations", "monitoring of conditions of detention" }),
			new Theme("CODE-LEO", "the Code of Conduct for Law Enforcement Officials", "15210",
					new String[] { "National Police", "Ministry of Interior", "Police Academy" },
					new String[] { "Police ethics and integrity in %s", "Code of Conduct for Law Enforcement Officials in %s",
							"Accountable law enforcement in %s" },
					new String[] { "to apply", "to build police integrity on", "to strengthen oversight of police conduct under" },
					new String[] { "a police code of ethics", "internal oversight of misconduct", "training on the prohibition of torture",
							"investigation of complaints against police officers", "ethics training at the police academy",
							"protection of persons in police custody" }),
			new Theme("BP-FORCE-FIREARMS", "the Basic Principles on the Use of Force and Firearms by Law Enforcement Officials", "15210",
					new String[] { "National Police", "Gendarmerie", "Ministry of Interior" },
					new String[] { "Use of force and firearms by the police in %s", "Policing of assemblies in %s",
							"De-escalation and lawful use of force in %s" },
					new String[] { "to align police practice with", "to train law enforcement officials on", "to revise regulations under" },
					new String[] { "a use of force directive", "crowd management during demonstrations", "de-escalation techniques",
							"reporting of firearm use", "accountability for excessive force", "training curricula on firearms" }),
			new Theme("VICTIMS-DECL", "the Declaration of Basic Principles of Justice for Victims of Crime and Abuse of Power", "15160",
					new String[] { "Victims Support Agency", "Ministry of Justice", "Office of the Attorney General" },
					new String[] { "Justice and reparation for victims of crime in %s", "Victim assistance programme for %s",
							"Rights of victims of crime and abuse of power in %s" },
					new String[] { "to apply", "to give victims access to justice under", "to set up assistance to victims following" },
					new String[] { "restitution and compensation", "psychosocial assistance to victims", "victim and witness protection",
							"participation of victims in criminal proceedings", "training of officials who receive victims",
							"reparations for victims of abuse of power" }),
			new Theme("BP-JUDICIARY", "the Basic Principles on the Independence of the Judiciary", "15130",
					new String[] { "Judicial Service Commission", "Supreme Court", "Judicial Training Institute" },
					new String[] { "Independence of the judiciary in %s", "Judicial integrity and independence in %s",
							"Strengthening the courts of %s" },
					new String[] { "to apply", "to secure the independence of judges under", "to train magistrates on" },
					new String[] { "transparent appointment of judges", "a judicial code of conduct", "case management in the courts",
							"training of magistrates on fair trial", "disciplinary procedures for judges", "court administration" }),
			new Theme("TOKYO-RULES", "the United Nations Standard Minimum Rules for Non-custodial Measures (the Tokyo Rules)", "15130",
					new String[] { "Probation Service", "Ministry of Justice", "Prisons Service" },
					new String[] { "Alternatives to imprisonment in %s", "Non-custodial measures and probation in %s",
							"Community sentences in %s" },
					new String[] { "to introduce alternatives to imprisonment under", "to apply", "to reduce pretrial detention through" },
					new String[] { "community service orders", "electronic monitoring", "non-custodial sentencing guidelines",
							"training of probation officers", "diversion of petty offenders", "reintegration of offenders" }),
			new Theme("GL-PROSECUTORS", "the Guidelines on the Role of Prosecutors", "15130",
					new String[] { "Office of the Prosecutor General", "Public Prosecution Service", "Ministry of Justice" },
					new String[] { "Role of prosecutors in %s", "Prosecutorial independence and ethics in %s",
							"Strengthening the prosecution service of %s" },
					new String[] { "to apply", "to strengthen prosecutors' independence under", "to train prosecutors on" },
					new String[] { "a code of ethics for prosecutors", "merit-based selection of prosecutors",
							"investigation of serious crimes", "protection of prosecutors against threats",
							"accountability of the prosecution service" }),
			new Theme("BP-LAWYERS", "the Basic Principles on the Role of Lawyers", "15130",
					new String[] { "Bar Association", "Legal Aid Board", "Public Defender's Office" },
					new String[] { "Legal aid and the role of lawyers in %s", "Access to a lawyer in %s",
							"Independence of the legal profession in %s" },
					new String[] { "to apply", "to secure access to legal counsel under", "to protect lawyers following" },
					new String[] { "legal aid for poor defendants", "access to a lawyer from arrest", "training of defence lawyers",
							"safety of lawyers facing threats", "paralegal services in police stations", "legal aid management" }),
			new Theme("DRAFT-ADMIN-JUSTICE", "the draft minimum rules for the administration of criminal justice", "15130",
					new String[] { "Judiciary", "Ministry of Justice", "Law Reform Commission" },
					new String[] { "Administration of criminal justice in %s", "Fair and speedy trials in %s",
							"Criminal procedure reform in %s" },
					new String[] { "to apply", "to reform criminal procedure following", "to reduce delays in criminal cases under" },
					new String[] { "time limits for pretrial detention", "bail guidelines", "case backlog reduction",
							"a new code of criminal procedure", "fair trial rights of the accused", "case review committees" }) };

	private static final String[] ACTIVITIES = { "ADVISORY_SERVICES", "TRAINING", "COMPENDIUM_TRANSLATION", "SURVEY_SUPPORT",
			"EXPERT_MEETING", "LEGISLATIVE_DRAFTING" };

	private static final String[] PARTNERS = { "", "", "", "", "UNDP", "Penal Reform International",
			"International Commission of Jurists", "National Human Rights Institution", "Association for the Prevention of Torture",
			"International Bar Association", "Danish Institute for Human Rights", "Raoul Wallenberg Institute", "UN Women" };

	private static final String[] CLOSINGS = { "The programme also supports %s and %s.",
			"It includes %s, %s and a final evaluation.", "Further work covers %s and %s with national counterparts.",
			"Beneficiaries receive advisory services on %s and %s." };

	private static final int FIRST_START = (int) LocalDate.of(2020, 1, 1).toEpochDay();

	private final int lastStart;

	private final int lastEnd;

	private final SplittableRandom random;

	private final List<ScreeningProfile> recent = new ArrayList<>();

	PortfolioGenerator(long seed) {
		this(seed, 11);
	}

	/**
	 * @param startYears how many years the starts spread over from 2020 (11: to 2030). A portfolio that
	 *     grows by accumulating years of programmes keeps its density with more years; one that grows
	 *     inside the same years gets denser.
	 */
	PortfolioGenerator(long seed, int startYears) {
		this.lastStart = (int) LocalDate.of(2020 + startYears - 1, 12, 31).toEpochDay();
		this.lastEnd = (int) LocalDate.of(2020 + startYears + 1, 12, 31).toEpochDay();
		this.random = new SplittableRandom(seed);
	}

	List<ScreeningProfile> portfolio(long firstId, int size) {
		List<ScreeningProfile> profiles = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			profiles.add(next(firstId + i));
		}
		return profiles;
	}

	ScreeningProfile next(long id) {
		ScreeningProfile profile = random.nextInt(100) < 2 && !recent.isEmpty() ? rewrittenCopy(id) : fresh(id);
		if (recent.size() < 1_000) {
			recent.add(profile);
		}
		else {
			recent.set(random.nextInt(recent.size()), profile);
		}
		return profile;
	}

	private ScreeningProfile fresh(long id) {
		Office office = random.nextBoolean() ? Office.CPCJD : Office.OHCHR;
		Theme theme = THEMES[weightedTheme()];
		Set<String> standards = new LinkedHashSet<>();
		standards.add(theme.standard);
		if (random.nextInt(100) < 35) {
			standards.add(THEMES[weightedTheme()].standard);
		}
		Set<String> sectors = new LinkedHashSet<>();
		sectors.add(theme.sector);
		if (office == Office.OHCHR && random.nextInt(100) < 60) {
			sectors.add("15160");
		}
		if (random.nextInt(100) < 10) {
			sectors.add(random.nextBoolean() ? "15150" : "15113");
		}
		Set<String> activities = new LinkedHashSet<>();
		activities.add(ACTIVITIES[random.nextInt(ACTIVITIES.length)]);
		if (random.nextBoolean()) {
			activities.add(ACTIVITIES[random.nextInt(ACTIVITIES.length)]);
		}
		int scope = random.nextInt(1000);
		List<String> countries;
		String where;
		if (scope < 5) {
			countries = COUNTRIES;
			where = "Member States";
		}
		else if (scope < 45) {
			int from = random.nextInt(COUNTRIES.size() - 15);
			countries = COUNTRIES.subList(from, from + 5 + random.nextInt(11));
			where = "the region";
		}
		else {
			String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
			countries = random.nextInt(100) < 20 ? List.of(country, COUNTRIES.get(random.nextInt(COUNTRIES.size())))
					: List.of(country);
			where = new Locale("", country).getDisplayCountry(Locale.ENGLISH);
		}
		String institution = theme.institutions[random.nextInt(theme.institutions.length)];
		if (countries.size() == 1) {
			institution = institution + " of " + where;
		}
		String title = String.format(Locale.ROOT, pick(theme.titles), where);
		String description = "Technical assistance to the " + institution + " " + pick(theme.aims) + " " + theme.name + ": "
				+ pick(theme.activities) + ", " + pick(theme.activities) + " and " + pick(theme.activities) + ". "
				+ String.format(Locale.ROOT, pick(CLOSINGS), pick(theme.activities), pick(theme.activities));
		int start = FIRST_START + random.nextInt(lastStart - FIRST_START);
		int length = random.nextInt(100) < 5 ? 5 + random.nextInt(25) : 180 + random.nextInt(4 * 365 - 180);
		int end = Math.min(lastEnd, start + length);
		return new ScreeningProfile(id, office, title, description, Set.copyOf(countries), standards, sectors, activities,
				countries.size() == 1 ? institution : "", PARTNERS[random.nextInt(PARTNERS.length)], LocalDate.ofEpochDay(start),
				LocalDate.ofEpochDay(end));
	}

	/** An earlier programme written again by the other office: other words, same country, shifted dates. */
	private ScreeningProfile rewrittenCopy(long id) {
		ScreeningProfile original = recent.get(random.nextInt(recent.size()));
		String[] sentences = original.description().split("\\. ");
		List<String> shuffled = new ArrayList<>(Arrays.asList(sentences));
		Collections.reverse(shuffled);
		String description = String.join(". ", shuffled).replace("Technical assistance to", "Support for")
			.replace("training of", "capacity building for");
		int shift = random.nextInt(181) - 90;
		LocalDate start = original.start().plusDays(shift);
		LocalDate end = original.end().plusDays(shift);
		return new ScreeningProfile(id, original.office() == Office.CPCJD ? Office.OHCHR : Office.CPCJD,
				"Programme: " + original.title(), description, original.countries(), original.standards(), original.sectors(),
				original.activityTypes(), original.beneficiaryInstitution(), "", start, end);
	}

	/** Prisons and policing are the most common subjects, the draft rules the rarest. */
	private int weightedTheme() {
		int[] weights = { 22, 14, 10, 10, 12, 10, 9, 9, 4 };
		int roll = random.nextInt(100);
		for (int i = 0; i < weights.length; i++) {
			roll -= weights[i];
			if (roll < 0) {
				return i;
			}
		}
		return 0;
	}

	private String pick(String[] options) {
		return options[random.nextInt(options.length)];
	}

}
