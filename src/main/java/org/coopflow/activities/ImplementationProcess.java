package org.coopflow.activities;

/**
 * Names in {@code bpmn/ActivityImplementationProcess.bpmn} that code refers to. One instance per funded
 * programme, business key {@code implementation-<programmeId>}.
 */
final class ImplementationProcess {

	static final String KEY = "ActivityImplementationProcess";

	static final String PROGRAMME_FUNDED = "ProgrammeFunded";

	static final String ACTIVITY_CANCELLED = "ActivityCancelled";

	private static final String BUSINESS_KEY_PREFIX = "implementation-";

	private ImplementationProcess() {
	}

	static String businessKey(long programmeId) {
		return BUSINESS_KEY_PREFIX + programmeId;
	}

	/** The programme id in a business key made by {@link #businessKey(long)}, or null for any other key. */
	static Long programmeIdOf(String businessKey) {
		if (businessKey == null || !businessKey.matches(BUSINESS_KEY_PREFIX + "\\d+")) {
			return null;
		}
		return Long.valueOf(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
	}

	static final class Tasks {

		static final String PLAN_ACTIVITIES = "Task_PlanActivities";

		static final String COMPLETE_MILESTONE = "Task_CompleteMilestone";

		static final String RECORD_TRANSLATED_EDITION = "Task_RecordTranslatedEdition";

		static final String COLLECT_SURVEY_REPLIES = "Task_CollectSurveyReplies";

		static final String RECORD_MEETING_REPORT = "Task_RecordMeetingReport";

		static final String COMPLETE_ACTIVITY = "Task_CompleteActivity";

		static final String SUBMIT_PROGRESS_REPORT = "Task_SubmitProgressReport";

		static final String REVIEW_PROGRESS_REPORT = "Task_ReviewProgressReport";

		static final String SUBMIT_FINAL_REPORT = "Task_SubmitFinalReport";

		static final String RECORD_UNSPENT_FUNDS_CHOICE = "Task_RecordUnspentFundsChoice";

		static final String REMIND_OF_FINAL_REPORT = "Task_RemindOfFinalReport";

		static final String ESCALATE_FINAL_REPORT = "Task_EscalateFinalReport";

		private Tasks() {
		}

	}

	static final class Variables {

		static final String OFFICE = "office";

		static final String ACTIVITY_ID = "activityId";

		static final String MILESTONE_ID = "milestoneId";

		static final String REPORT_ACCEPTED = "reportAccepted";

		private Variables() {
		}

	}

}
