package org.coopflow.programmes;

/**
 * The kinds of technical cooperation activity a programme carries out (resolution 1997/32).
 */
public enum ActivityType {
	ADVISORY_SERVICES, TRAINING, COMPENDIUM_TRANSLATION, SURVEY_SUPPORT, EXPERT_MEETING, LEGISLATIVE_DRAFTING
}
