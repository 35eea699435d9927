package org.coopflow.pledges;

import java.time.LocalDate;

import org.coopflow.workflow.ProcessVariable;
import org.coopflow.workflow.RecordKey;

/**
 * The names of the donor pledge process ({@code bpmn/DonorPledgeProcess.bpmn}) that code refers to,
 * in one place. The business key of an instance is {@code pledge-<id>}.
 */
final class DonorPledgeProcess {

	static final String PROCESS_KEY = "DonorPledgeProcess";

	/** The pledge a process works on: its business key, e.g. {@code pledge-42}. */
	static final RecordKey PLEDGE = new RecordKey("pledge-", "donor pledge process");

	private DonorPledgeProcess() {
	}

	/** "pledge-42": pledges and programmes are numbered apart, so the key says which one it is. */
	static String businessKey(long pledgeId) {
		return PLEDGE.of(pledgeId);
	}

	/**
	 * The variables code reads, each declared once with its type. Values typed into Camunda Forms arrive as
	 * whatever type Tasklist chose; {@link ProcessVariable} reads each of them.
	 */
	static final class Typed {

		static final ProcessVariable<Boolean> PLEDGE_VERIFIED = ProcessVariable.yesNo(Variables.PLEDGE_VERIFIED);

		static final ProcessVariable<String> VERIFICATION_NOTE = ProcessVariable.text(Variables.VERIFICATION_NOTE);

		static final ProcessVariable<LocalDate> AGREEMENT_DATE = ProcessVariable.date(Variables.AGREEMENT_DATE);

		static final ProcessVariable<String> AGREEMENT_REFERENCE = ProcessVariable.text(Variables.AGREEMENT_REFERENCE);

		static final ProcessVariable<Long> PROGRAMME_ID = ProcessVariable.wholeNumber(Variables.PROGRAMME_ID);

		static final ProcessVariable<Long> PAYMENT_ID = ProcessVariable.wholeNumber(Variables.PAYMENT_ID);

		static final ProcessVariable<Boolean> PAYMENT_RECEIVED = ProcessVariable.yesNo(Variables.PAYMENT_RECEIVED);

		static final ProcessVariable<String> RECEIPT_NOTE = ProcessVariable.text(Variables.RECEIPT_NOTE);

		static final ProcessVariable<String> DECIDED_BY = ProcessVariable.text(Variables.DECIDED_BY);

		/** The instalment a branch of "Collect instalments" is about (the multi-instance element). */
		static final ProcessVariable<Long> INSTALMENT = ProcessVariable.wholeNumber(Variables.INSTALMENT);

		/** What a yes/no form field that was left out is told. */
		static final String YES_OR_NO = "answer yes (true) or no (false)";

		private Typed() {
		}

	}

	static final class Tasks {

		static final String VERIFY_PLEDGE = "Task_VerifyPledge";

		static final String CONCLUDE_AGREEMENT = "Task_ConcludeAgreement";

		static final String ALLOCATE_FUNDS = "Task_AllocateFunds";

		static final String CONFIRM_RECEIPT = "Task_ConfirmReceipt";

		private Tasks() {
		}

	}

	static final class Messages {

		static final String PAYMENT_REPORTED = "PaymentReported";

		static final String PLEDGE_CLOSED = "PledgeClosed";

		private Messages() {
		}

	}

	static final class Variables {

		static final String OFFICE = "office";

		static final String DONOR = "donor";

		/** "Verify pledge": true or false, and a note (required to decline). */
		static final String PLEDGE_VERIFIED = "pledgeVerified";

		static final String VERIFICATION_NOTE = "verificationNote";

		/** "Conclude agreement": the signing date (yyyy-MM-dd) and the agreement's reference. */
		static final String AGREEMENT_DATE = "agreementDate";

		static final String AGREEMENT_REFERENCE = "agreementReference";

		/** "Allocate funds": the programme the pledge funds. */
		static final String PROGRAMME_ID = "programmeId";

		/** "Confirm receipt": the payment decided on, whether it arrived, and a note (required if not). */
		static final String PAYMENT_ID = "paymentId";

		static final String PAYMENT_RECEIVED = "paymentReceived";

		static final String RECEIPT_NOTE = "receiptNote";

		/** Who completed the last user task, set by the task listener from the signed-in user. */
		static final String DECIDED_BY = "decidedBy";

		/** The multi-instance element variable: the instalment's number. */
		static final String INSTALMENT = "instalment";

		/** Task-local facts the forms show. */
		static final String SUMMARY = "pledgeSummary";

		static final String SCHEDULE = "instalmentSchedule";

		static final String PAYMENT_SUMMARY = "paymentSummary";

		private Variables() {
		}

	}

}
