#!/usr/bin/env python3
"""Writes bpmn/ActivityImplementationProcess.bpmn, the model and its diagram, from one description.

Run it after changing the process (python3 bpmn/tools/activity_implementation_process.py), then render
the picture again. Element ids, bean names and expressions are those the Java code is written against.
"""
from pathlib import Path
from xml.sax.saxutils import escape

from bpmnwriter import Diagram, definitions

OUT = Path(__file__).resolve().parent.parent / "ActivityImplementationProcess.bpmn"
PROCESS = "ActivityImplementationProcess"
OFFICERS = "${implementationFacts.officers(execution)}"

d = Diagram()
# ---- layout: the main line at y 420 through "Carry out activity", whose activity types branch inside it;
# the progress reports below the sub-process, the final report's reminders below the final report.
Y = 420
d.shape("StartEvent_ProgrammeFunded", "event", 180, Y)
d.shape("Task_PlanActivities", "task", 290, Y)
d.shape("Task_StartImplementation", "task", 440, Y)
d.shape("SubProcess_CarryOutActivity", "sub", 1065, Y, 1050, 640, True)
# inside "Carry out activity": milestones, then one row per activity type between two gateways
d.shape("StartEvent_ActivityStarted", "event", 590, Y)
d.shape("Task_StartActivity", "task", 690, Y)
d.shape("Task_CompleteMilestone", "task", 840, Y)
d.shape("Gateway_ActivityType", "gateway", 970, Y, label=(872, Y - 64, 80, 14))
d.shape("Task_RecordTranslatedEdition", "task", 1130, Y - 230)
d.shape("Task_RecordMeetingReport", "task", 1130, Y - 115)
d.shape("Task_CollectSurveyReplies", "task", 1130, Y + 115)
d.shape("Timer_SurveyReminderDue", "event", 1110, Y + 155, label=(1028, Y + 176, 62, 27))
d.shape("Task_RemindNonRespondents", "task", 1250, Y + 235, 150, 80)
d.shape("EndEvent_NonRespondentsReminded", "event", 1400, Y + 235)
d.shape("Gateway_TypeStepsDone", "gateway", 1290, Y)
d.shape("Task_CompleteActivity", "task", 1410, Y)
d.shape("EndEvent_ActivityCompleted", "event", 1530, Y)
d.shape("SubProcess_ActivityCancelled", "sub", 730, Y + 190, 300, 140, True)
d.shape("StartEvent_ActivityCancelled", "event", 660, Y + 190)
d.shape("EndEvent_ActivityCancelled", "event", 800, Y + 190)
# the progress reports, every reporting period while activities run
R = Y + 430
d.shape("Timer_ProgressReportDue", "event", 640, Y + 320, label=(550, Y + 343, 80, 27))
d.shape("Task_SubmitProgressReport", "task", 760, R)
d.shape("Timer_ProgressReportEscalated", "event", 730, R + 40, label=(640, R + 64, 68, 14))
d.shape("Timer_ProgressReportOverdue", "event", 790, R + 40, label=(798, R + 64, 76, 14))
d.shape("Task_RemindOfProgressReport", "task", 910, R + 130)
d.shape("EndEvent_ProgressReportReminded", "event", 1040, R + 130)
d.shape("Task_EscalateProgressReport", "task", 910, R + 250)
d.shape("EndEvent_ProgressReportEscalated", "event", 1040, R + 250)
d.shape("Task_ReviewProgressReport", "task", 910, R)
d.shape("Gateway_ProgressReportAccepted", "gateway", 1040, R)
d.shape("EndEvent_ProgressReportAccepted", "event", 1160, R)
# after the activities: the final report and its reminders, the donors, unspent funds, closing
F = 1720
d.shape("Task_SubmitFinalReport", "task", F, Y)
d.shape("Timer_FinalReportEscalated", "event", F - 30, Y + 40, label=(F - 106, Y + 70, 68, 14))
d.shape("Timer_FinalReportOverdue", "event", F + 30, Y + 40, label=(F + 38, Y + 70, 76, 14))
d.shape("Task_RemindOfFinalReport", "task", F + 170, Y + 130)
d.shape("EndEvent_FinalReportReminded", "event", F + 300, Y + 130)
d.shape("Task_EscalateFinalReport", "task", F + 170, Y + 250)
d.shape("EndEvent_FinalReportEscalated", "event", F + 300, Y + 250)
d.shape("Task_SendReportToDonors", "task", F + 170, Y)
d.shape("Gateway_FundsUnspent", "gateway", F + 310, Y)
d.shape("Task_RecordUnspentFundsChoice", "task", F + 440, Y - 120, 120, 80)
d.shape("Task_CloseProgramme", "task", F + 580, Y)
d.shape("EndEvent_ProgrammeClosed", "event", F + 710, Y)

d.flow("SequenceFlow_ProgrammeFunded", "StartEvent_ProgrammeFunded", "Task_PlanActivities")
d.flow("SequenceFlow_ActivitiesPlanned", "Task_PlanActivities", "Task_StartImplementation")
d.flow("SequenceFlow_ImplementationStarted", "Task_StartImplementation", "SubProcess_CarryOutActivity")
# inside "Carry out activity"
d.flow("SequenceFlow_ActivityStarted", "StartEvent_ActivityStarted", "Task_StartActivity")
d.flow("SequenceFlow_ActivityInProgress", "Task_StartActivity", "Task_CompleteMilestone")
d.flow("SequenceFlow_MilestonesCompleted", "Task_CompleteMilestone", "Gateway_ActivityType")
TYPE = "${implementationFacts.activityType(execution) == '%s'}"
d.flow("SequenceFlow_IsTranslation", "Gateway_ActivityType", "Task_RecordTranslatedEdition", "Compendium translation",
       TYPE % "COMPENDIUM_TRANSLATION", route="v", label=(985, Y - 262, 85, 27))
d.flow("SequenceFlow_IsExpertMeeting", "Gateway_ActivityType", "Task_RecordMeetingReport", "Expert meeting",
       TYPE % "EXPERT_MEETING", route="v", label=(985, Y - 133, 85, 14))
d.flow("SequenceFlow_NoTypeSteps", "Gateway_ActivityType", "Gateway_TypeStepsDone", "Other types",
       label=(1100, Y - 18, 60, 14))
d.flow("SequenceFlow_IsSurvey", "Gateway_ActivityType", "Task_CollectSurveyReplies", "Survey support",
       TYPE % "SURVEY_SUPPORT", route="v", label=(985, Y + 97, 85, 14))
d.flow("SequenceFlow_TranslatedEditionRecorded", "Task_RecordTranslatedEdition", "Gateway_TypeStepsDone")
d.flow("SequenceFlow_MeetingReportRecorded", "Task_RecordMeetingReport", "Gateway_TypeStepsDone")
d.flow("SequenceFlow_SurveyRepliesCollected", "Task_CollectSurveyReplies", "Gateway_TypeStepsDone")
d.flow("SequenceFlow_SurveyReminderDue", "Timer_SurveyReminderDue", "Task_RemindNonRespondents", route="v")
d.flow("SequenceFlow_NonRespondentsReminded", "Task_RemindNonRespondents", "EndEvent_NonRespondentsReminded")
d.flow("SequenceFlow_TypeStepsDone", "Gateway_TypeStepsDone", "Task_CompleteActivity")
d.flow("SequenceFlow_ActivityDone", "Task_CompleteActivity", "EndEvent_ActivityCompleted")
d.flow("SequenceFlow_ActivityCancelled", "StartEvent_ActivityCancelled", "EndEvent_ActivityCancelled")
# progress reports
d.flow("SequenceFlow_ProgressReportDue", "Timer_ProgressReportDue", "Task_SubmitProgressReport", route="v")
d.flow("SequenceFlow_ProgressReportSubmitted", "Task_SubmitProgressReport", "Task_ReviewProgressReport")
d.flow("SequenceFlow_ProgressReportReviewed", "Task_ReviewProgressReport", "Gateway_ProgressReportAccepted")
d.flow("SequenceFlow_ProgressReportAccepted", "Gateway_ProgressReportAccepted", "EndEvent_ProgressReportAccepted", "yes",
       "${reportAccepted}", label=(1083, R - 20, 20, 14))
d.flow("SequenceFlow_ProgressReportReturned", "Gateway_ProgressReportAccepted", "Task_SubmitProgressReport", "no",
       "${!reportAccepted}", points=[(1040, R - 25), (1040, R - 65), (760, R - 65), (760, R - 40)],
       label=(1047, R - 55, 20, 14))
d.flow("SequenceFlow_ProgressReportOverdue", "Timer_ProgressReportOverdue", "Task_RemindOfProgressReport", route="v")
d.flow("SequenceFlow_ProgressReportAuthorReminded", "Task_RemindOfProgressReport", "EndEvent_ProgressReportReminded")
d.flow("SequenceFlow_ProgressReportLongOverdue", "Timer_ProgressReportEscalated", "Task_EscalateProgressReport", route="v")
d.flow("SequenceFlow_ProgressReportEscalated", "Task_EscalateProgressReport", "EndEvent_ProgressReportEscalated")
# after the activities
d.flow("SequenceFlow_ActivitiesDone", "SubProcess_CarryOutActivity", "Task_SubmitFinalReport")
d.flow("SequenceFlow_FinalReportOverdue", "Timer_FinalReportOverdue", "Task_RemindOfFinalReport", route="v")
d.flow("SequenceFlow_FinalReportAuthorReminded", "Task_RemindOfFinalReport", "EndEvent_FinalReportReminded")
d.flow("SequenceFlow_FinalReportLongOverdue", "Timer_FinalReportEscalated", "Task_EscalateFinalReport", route="v")
d.flow("SequenceFlow_FinalReportEscalated", "Task_EscalateFinalReport", "EndEvent_FinalReportEscalated")
d.flow("SequenceFlow_FinalReportSubmitted", "Task_SubmitFinalReport", "Task_SendReportToDonors")
d.flow("SequenceFlow_ReportSentToDonors", "Task_SendReportToDonors", "Gateway_FundsUnspent")
d.flow("SequenceFlow_FundsUnspent", "Gateway_FundsUnspent", "Task_RecordUnspentFundsChoice", "yes",
       "${implementationFacts.unspentFunds(execution)}", route="v", label=(F + 316, Y - 70, 20, 14))
d.flow("SequenceFlow_AllFundsSpent", "Gateway_FundsUnspent", "Task_CloseProgramme", "no",
       "${!implementationFacts.unspentFunds(execution)}", label=(F + 400, Y - 18, 20, 14))
d.flow("SequenceFlow_UnspentFundsChoiceRecorded", "Task_RecordUnspentFundsChoice", "Task_CloseProgramme")
d.flow("SequenceFlow_ProgrammeClosed", "Task_CloseProgramme", "EndEvent_ProgrammeClosed")

I, J, K = "    ", "      ", "        "


def listeners(completed_by, indent):
    return (f"\n{indent}  <bpmn:extensionElements>"
            f'\n{indent}    <camunda:taskListener delegateExpression="${{implementationTaskListener}}" event="create" />'
            f'\n{indent}    <camunda:taskListener delegateExpression="${{{completed_by}}}" event="complete" />'
            f"\n{indent}  </bpmn:extensionElements>")


def user_task(id, name, form, doc, completed_by, indent=I, loop=None):
    """An officer's task; loop is multi-instance loop characteristics, which follow the flows in the schema."""
    body = f"\n{indent}  {loop}" if loop else ""
    return (f'{indent}<bpmn:userTask id="{id}" name="{escape(name)}" camunda:formRef="{form}" camunda:formRefBinding="latest" '
            f'camunda:candidateGroups="{OFFICERS}">\n{indent}  <bpmn:documentation>{escape(doc)}</bpmn:documentation>'
            + listeners(completed_by, indent) + d.io(id, indent) + body + f"\n{indent}</bpmn:userTask>\n")


def service_task(id, name, delegate, indent=I, doc=None, asynchronous=False):
    a = ' camunda:asyncBefore="true"' if asynchronous else ""
    documentation = f"\n{indent}  <bpmn:documentation>{escape(doc)}</bpmn:documentation>" if doc else ""
    return (f'{indent}<bpmn:serviceTask id="{id}" name="{escape(name)}" camunda:delegateExpression="${{{delegate}}}"{a}>'
            + documentation + d.io(id, indent) + f"\n{indent}</bpmn:serviceTask>\n")


def gateway(id, name=None, default=None, indent=I):
    n = f' name="{escape(name)}"' if name else ""
    dflt = f' default="{default}"' if default else ""
    return f'{indent}<bpmn:exclusiveGateway id="{id}"{n}{dflt}>' + d.io(id, indent) + f"\n{indent}</bpmn:exclusiveGateway>\n"


def event(id, name, kind, indent=I, message=None, terminate=False):
    """A start or end event; a message names what starts it, terminate ends every path of the process."""
    definition = (f'\n{indent}  <bpmn:messageEventDefinition id="MessageEventDefinition_{id.split("_", 1)[1]}" '
                  f'messageRef="{message}" />' if message else "")
    if terminate:
        definition += f'\n{indent}  <bpmn:terminateEventDefinition id="TerminateEventDefinition_{id.split("_", 1)[1]}" />'
    return (f'{indent}<bpmn:{kind} id="{id}" name="{escape(name)}">' + d.io(id, indent) + definition
            + f"\n{indent}</bpmn:{kind}>\n")


def boundary_timer(id, name, attached_to, kind, expression, indent=I):
    """A non-interrupting timer: its path runs beside the task or sub-process, which goes on."""
    return (f'{indent}<bpmn:boundaryEvent id="{id}" name="{escape(name)}" attachedToRef="{attached_to}" cancelActivity="false">'
            + d.io(id, indent) + f'\n{indent}  <bpmn:timerEventDefinition id="TimerEventDefinition_{id[6:]}">\n'
            f'{indent}    <bpmn:{kind} xsi:type="bpmn:tFormalExpression">{escape(expression)}</bpmn:{kind}>\n'
            f"{indent}  </bpmn:timerEventDefinition>\n{indent}</bpmn:boundaryEvent>\n")


def report_reminders(task, prefix, indent=I):
    """The two reminders every report has: its author after a while, the coordinator after longer."""
    return [boundary_timer(f"Timer_{prefix}Overdue", "Report overdue", task, "timeDuration",
                           "${implementationFacts.reportReminder()}", indent),
            service_task(f"Task_RemindOf{prefix}", "Remind officer of report", "remindReportAuthorDelegate", indent),
            event(f"EndEvent_{prefix}Reminded", "Officer reminded", "endEvent", indent),
            boundary_timer(f"Timer_{prefix}Escalated", "Long overdue", task, "timeDuration",
                           "${implementationFacts.reportEscalation()}", indent),
            service_task(f"Task_Escalate{prefix}", "Escalate to coordinator", "escalateReportDelegate", indent),
            event(f"EndEvent_{prefix}Escalated", "Coordinator told", "endEvent", indent)]


CANCELLED = {"StartEvent_ActivityCancelled", "EndEvent_ActivityCancelled"}
INNER = {"StartEvent_ActivityStarted", "Task_StartActivity", "Task_CompleteMilestone", "Gateway_ActivityType",
         "Task_RecordTranslatedEdition", "Task_RecordMeetingReport", "Task_CollectSurveyReplies", "Timer_SurveyReminderDue",
         "Task_RemindNonRespondents", "EndEvent_NonRespondentsReminded", "Gateway_TypeStepsDone", "Task_CompleteActivity",
         "EndEvent_ActivityCompleted", "SubProcess_ActivityCancelled"}

x = [definitions(PROCESS, "activity_implementation_process.py")]
x.append(f'  <bpmn:process id="{PROCESS}" name="Activity implementation" isExecutable="true" camunda:historyTimeToLive="P1825D" camunda:isStartableInTasklist="false">\n')
DOC = ("From a funded programme to its closing. A programme officer of the programme's office plans its activities; "
       "each is then carried out in parallel with the others: its milestones one after another, then what its type "
       "calls for (a compendium translation records its translated edition, a survey collects the Member States' "
       "replies and reminds those that have not replied, an expert meeting records its report on the draft "
       "instrument), then its actual dates. An activity cancelled on the way is dropped. Every reporting period while "
       "activities run, a progress report is written and reviewed, and returned until it is accepted. When all "
       "activities are done, the final report is written and sent to the donors; money left unspent is returned to "
       "them or reprogrammed, and the programme is closed; a progress report still open then is superseded by the "
       "final report, which covers the whole implementation. A report not submitted in time is reminded to its author, "
       "then escalated to the coordinator.")
x.append(f"{I}<bpmn:documentation>{escape(DOC)}</bpmn:documentation>\n")
x.append(event("StartEvent_ProgrammeFunded", "Programme funded", "startEvent", message="Message_ProgrammeFunded"))
x.append(user_task("Task_PlanActivities", "Plan activities", "plan-activities",
                   "Plan the programme's activities in coopflow: for each its type, title, country, standards, dates, budget "
                   "line and milestones. Complete this task once at least one activity is planned; each activity is then "
                   "carried out beside the others.", "planActivitiesTaskListener"))
x.append(service_task("Task_StartImplementation", "Start implementation", "startImplementationDelegate"))
# Carry out activity: one instance per planned activity, all at once
x.append(f'{I}<bpmn:subProcess id="SubProcess_CarryOutActivity" name="Carry out activity">' + d.io("SubProcess_CarryOutActivity")
         + f'\n{J}<bpmn:multiInstanceLoopCharacteristics camunda:collection="${{implementationFacts.activityIds(execution)}}" '
         'camunda:elementVariable="activityId" />\n')
x.append(event("StartEvent_ActivityStarted", "Activity started", "startEvent", J))
x.append(service_task("Task_StartActivity", "Mark activity in progress", "startActivityDelegate", J))
x.append(user_task("Task_CompleteMilestone", "Complete milestone", "complete-milestone",
                   "Confirm that this milestone of the activity is reached, with a note if useful. The activity's milestones "
                   "come one after another, in their planned order.", "completeMilestoneTaskListener", J,
                   loop='<bpmn:multiInstanceLoopCharacteristics isSequential="true" '
                        'camunda:collection="${implementationFacts.milestoneIds(execution)}" camunda:elementVariable="milestoneId" />'))
x.append(gateway("Gateway_ActivityType", "Type of activity?", default="SequenceFlow_NoTypeSteps", indent=J))
x.append(user_task("Task_RecordTranslatedEdition", "Record translated edition", "record-translated-edition",
                   "Record the translated edition of the compendium that this activity produced: its language, the Member "
                   "State it serves and its title, and once it is published, the date and a link.",
                   "recordTranslatedEditionTaskListener", J))
x.append(user_task("Task_RecordMeetingReport", "Record meeting report", "record-meeting-report",
                   "Record the expert meeting's report on the draft instrument: its answers to the three review questions of "
                   "ECOSOC resolution 1997/32, para. 7, and a summary of the meeting if useful.",
                   "recordMeetingReportTaskListener", J))
x.append(user_task("Task_CollectSurveyReplies", "Collect questionnaire replies", "collect-survey-replies",
                   "Record the Member States' replies to the questionnaire as they arrive; those that have not replied are "
                   "reminded automatically. Complete this task when the survey closes.",
                   "collectSurveyRepliesTaskListener", J))
x.append(boundary_timer("Timer_SurveyReminderDue", "Replies outstanding", "Task_CollectSurveyReplies", "timeCycle",
                        "${implementationFacts.surveyReminderCycle()}", J))
x.append(service_task("Task_RemindNonRespondents", "Remind Member States that have not replied", "remindNonRespondentsDelegate", J))
x.append(event("EndEvent_NonRespondentsReminded", "Member States reminded", "endEvent", J))
x.append(gateway("Gateway_TypeStepsDone", indent=J))
x.append(user_task("Task_CompleteActivity", "Complete activity", "complete-activity",
                   "Record the dates on which the activity actually started and ended; it is then marked completed.",
                   "completeActivityTaskListener", J))
x.append(event("EndEvent_ActivityCompleted", "Activity completed", "endEvent", J))
# event sub-process: the activity is cancelled from outside, whatever it was doing
x.append(f'{J}<bpmn:subProcess id="SubProcess_ActivityCancelled" name="Activity cancelled" triggeredByEvent="true">\n')
x.append(event("StartEvent_ActivityCancelled", "Activity cancelled", "startEvent", K, message="Message_ActivityCancelled"))
x.append(event("EndEvent_ActivityCancelled", "Activity dropped", "endEvent", K))
for f in d.flows_from(CANCELLED):
    x.append(d.flow_xml(f, K))
x.append(f"{J}</bpmn:subProcess>\n")
for f in d.flows_from(INNER):
    x.append(d.flow_xml(f, J))
x.append(f"{I}</bpmn:subProcess>\n")
# progress reports
x.append(boundary_timer("Timer_ProgressReportDue", "Every reporting period", "SubProcess_CarryOutActivity", "timeCycle",
                        "${implementationFacts.progressReportCycle()}"))
x.append(user_task("Task_SubmitProgressReport", "Submit progress report", "submit-progress-report",
                   "Write the progress report for this reporting period: what the activities achieved and how the money was "
                   "used. If the report was returned, address the reviewer's comment.", "submitReportTaskListener"))
x += report_reminders("Task_SubmitProgressReport", "ProgressReport")
x.append(user_task("Task_ReviewProgressReport", "Review progress report", "review-progress-report",
                   "Read the progress report and accept it, or return it for revision with a comment saying what to change.",
                   "reviewProgressReportTaskListener"))
x.append(gateway("Gateway_ProgressReportAccepted", "Report accepted?"))
x.append(event("EndEvent_ProgressReportAccepted", "Progress report accepted", "endEvent"))
# after the activities
x.append(user_task("Task_SubmitFinalReport", "Submit final report", "submit-final-report",
                   "All activities are done: write the programme's final report, what it achieved and how the money was "
                   "used. It is sent to the donors once you complete this task.", "submitReportTaskListener"))
x += report_reminders("Task_SubmitFinalReport", "FinalReport")
x.append(service_task("Task_SendReportToDonors", "Send report to donors", "sendReportToDonorsDelegate", asynchronous=True,
                      doc="Asynchronous: a failure to send becomes an incident to retry, and never undoes the officer's "
                          "completed final report."))
x.append(gateway("Gateway_FundsUnspent", "Funds left unspent?"))
x.append(user_task("Task_RecordUnspentFundsChoice", "Record choice for unspent funds", "record-unspent-funds-choice",
                   "Part of the programme's money is unspent. Record whether it is returned to the donors or reprogrammed, "
                   "and why; the programme is then closed.", "unspentFundsTaskListener"))
x.append(service_task("Task_CloseProgramme", "Close programme", "closeProgrammeDelegate"))
# terminates: a progress report still open when the last activity ended is superseded by the final report
x.append(event("EndEvent_ProgrammeClosed", "Programme closed", "endEvent", terminate=True))
for f in d.flows_from(set(d.shapes) - INNER - CANCELLED):
    x.append(d.flow_xml(f))
x.append("  </bpmn:process>\n")
x.append('  <bpmn:message id="Message_ProgrammeFunded" name="ProgrammeFunded" />\n')
x.append('  <bpmn:message id="Message_ActivityCancelled" name="ActivityCancelled" />\n')
x.append(d.di(PROCESS, first=["SubProcess_CarryOutActivity", "SubProcess_ActivityCancelled"]))
x.append("</bpmn:definitions>\n")
OUT.write_text("".join(x))
print("wrote", OUT)
