package org.coopflow.programmes;

/**
 * The kinds of technical cooperation activity a programme carries out (resolution 1997/32).
 */
@org.springframework.modulith.NamedInterface("api")
public enum ActivityType {
	ADVISORY_SERVICES, TRAINING, COMPENDIUM_TRANSLATION, SURVEY_SUPPORT, EXPERT_MEETING, LEGISLATIVE_DRAFTING;

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case ADVISORY_SERVICES -> "Advisory services";
			case TRAINING -> "Training";
			case COMPENDIUM_TRANSLATION -> "Translation of the Compendium";
			case SURVEY_SUPPORT -> "Survey support";
			case EXPERT_MEETING -> "Expert group meeting";
			case LEGISLATIVE_DRAFTING -> "Legislative drafting";
		};
	}

}
