package org.coopflow.activities;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.coopflow.programmes.ActivityType;
import org.coopflow.reference.ReferenceCodes;
import org.coopflow.shared.InvalidField;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The edition of the Compendium a COMPENDIUM_TRANSLATION activity produced (resolution 1997/32, para. 1):
 * its language, the Member State it is for, title, publication date and link.
 */
@Service
@Transactional
class TranslatedEditions {

	private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

	private final TranslatedEditionRepository editions;

	private final TypedActivities activities;

	private final ReferenceCodes referenceCodes;

	private final RequestChecks checks;

	private final Clock clock;

	TranslatedEditions(TranslatedEditionRepository editions, TypedActivities activities, ReferenceCodes referenceCodes,
			RequestChecks checks, Clock clock) {
		this.clock = clock;
		this.editions = editions;
		this.activities = activities;
		this.referenceCodes = referenceCodes;
		this.checks = checks;
	}

	/** Records the edition of the Compendium the activity produced, or corrects the one recorded. */
	public EditionView record(long activityId, EditionRequest edition, String by) {
		activities.open(activityId, ActivityType.COMPENDIUM_TRANSLATION);
		List<InvalidField> errors = checks.violations(edition);
		if (edition.language() != null && edition.language().matches("[a-z]{2}") && !LANGUAGES.contains(edition.language())) {
			errors.add(new InvalidField("language", "'" + edition.language() + "' is not an ISO 639-1 language code"));
		}
		if (edition.memberState() != null && edition.memberState().matches("[A-Z]{2}")
				&& !referenceCodes.snapshot().isCountry(edition.memberState())) {
			errors.add(new InvalidField("memberState", "'" + edition.memberState() + "' is not an ISO 3166-1 country code"));
		}
		if (edition.publishedOn() != null
				&& edition.publishedOn().isAfter(LocalDate.now(clock))) {
			errors.add(new InvalidField("publishedOn", "must not be in the future; record the date once it is published"));
		}
		RequestChecks.throwIfAny(errors);
		EditionRequest cleaned = new EditionRequest(edition.language(), edition.memberState(), edition.title().strip(),
				edition.publishedOn(), RequestChecks.blankToNull(edition.link()));
		editions.save(activityId, cleaned, by, clock.instant());
		return editions.find(activityId).orElseThrow();
	}

	/** The edition recorded for a COMPENDIUM_TRANSLATION activity, if any yet. */
	@Transactional(readOnly = true)
	public Optional<EditionView> of(long activityId) {
		activities.ofType(activityId, ActivityType.COMPENDIUM_TRANSLATION);
		return editions.find(activityId);
	}

}
