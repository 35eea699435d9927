package org.coopflow.activities;

import java.time.LocalDate;

import org.coopflow.workflow.ProcessVariable;
import org.coopflow.workflow.RecordKey;

/**
 * Names in {@code bpmn/ActivityImplementationProcess.bpmn} that code refers to. One instance per funded
 * programme, business key {@code implementation-<programmeId>}.
 */
final class ImplementationProcess {

	static final String KEY = "ActivityImplementationProcess";

	static final String PROGRAMME_FUNDED = "ProgrammeFunded";

	static final String ACTIVITY_CANCELLED = "ActivityCancelled";

	/** The programme an implementation works on: its business key, e.g. {@code implementation-42}. */
	static final RecordKey PROGRAMME = new RecordKey("implementation-", "implementation process");

	private ImplementationProcess() {
	}

	static String businessKey(long programmeId) {
		return PROGRAMME.of(programmeId);
	}

	/**
	 * The variables code reads and writes, each declared once with its type. Values typed into Camunda Forms
	 * arrive as whatever type Tasklist chose; {@link ProcessVariable} reads each of them.
	 */
	static final class Typed {

		/** Set by the model on each instance of the activity and milestone sub-processes. */
		static final ProcessVariable<Long> ACTIVITY_ID = ProcessVariable.wholeNumber(Variables.ACTIVITY_ID);

		static final ProcessVariable<Long> MILESTONE_ID = ProcessVariable.wholeNumber(Variables.MILESTONE_ID);

		static final ProcessVariable<Boolean> REPORT_ACCEPTED = ProcessVariable.yesNo(Variables.REPORT_ACCEPTED);

		static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.text("reviewComment");

		static final ProcessVariable<String> REPORT_SUMMARY = ProcessVariable.text("reportSummary");

		static final ProcessVariable<String> MILESTONE_NOTE = ProcessVariable.text("milestoneNote");

		static final ProcessVariable<LocalDate> ACTUAL_START = ProcessVariable.date("actualStart");

		static final ProcessVariable<LocalDate> ACTUAL_END = ProcessVariable.date("actualEnd");

		/** RETURN or REPROGRAMME, in any case. */
		static final ProcessVariable<String> UNSPENT_FUNDS_CHOICE = ProcessVariable.text("unspentFundsChoice");

		static final ProcessVariable<String> UNSPENT_FUNDS_REASON = ProcessVariable.text("unspentFundsReason");

		private Typed() {
		}

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
