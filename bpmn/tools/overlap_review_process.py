#!/usr/bin/env python3
"""Writes bpmn/OverlapReviewProcess.bpmn, the model and its diagram, from one description.

Run it after changing the process (python3 bpmn/tools/overlap_review_process.py), then render the
picture again. Element ids are those of org.coopflow.overlap.OverlapReviewProcess.
"""
from pathlib import Path
from xml.sax.saxutils import escape

from bpmnwriter import Diagram, definitions

OUT = Path(__file__).resolve().parent.parent / "OverlapReviewProcess.bpmn"
PROCESS = "OverlapReviewProcess"
CPCJD, OHCHR = "COORDINATOR_CPCJD", "COORDINATOR_OHCHR"

d = Diagram()
# ---- layout: the joint review in a sub-process on the main line, its reminder timers below it
d.shape("StartEvent_AlertRaised", "event", 180, 295)
d.shape("SubProcess_ReviewAlert", "sub", 645, 295, 770, 340, True)
d.shape("StartEvent_ReviewStarted", "event", 300, 295)
d.shape("Gateway_StartReviews", "gateway", 380, 295)
d.shape("Task_ReviewAlertCpcjd", "task", 500, 205)
d.shape("Task_ReviewAlertOhchr", "task", 500, 385)
d.shape("Gateway_ReviewsDone", "gateway", 620, 295)
d.shape("Gateway_CoordinatorsAgree", "gateway", 720, 295, label=(680, 245, 80, 14))
d.shape("EndEvent_ProposalsAgree", "event", 960, 295)
d.shape("Task_SettleJointDecision", "task", 840, 395)
d.shape("EndEvent_JointDecisionSettled", "event", 960, 395)
d.shape("Timer_ReviewReminder", "event", 420, 465, label=(300, 480, 110, 27))
d.shape("Task_RemindCoordinators", "task", 530, 570)
d.shape("EndEvent_CoordinatorsReminded", "event", 660, 570)
d.shape("Timer_ReviewEscalation", "event", 760, 465, label=(640, 480, 110, 27))
d.shape("Task_EscalateToAdministrator", "task", 870, 570)
d.shape("EndEvent_AlertEscalated", "event", 1000, 570)
d.shape("Task_RecordJointDecision", "task", 1110, 295)
d.shape("EndEvent_AlertDecided", "event", 1240, 295)

d.flow("SequenceFlow_AlertRaised", "StartEvent_AlertRaised", "SubProcess_ReviewAlert")
d.flow("SequenceFlow_ReviewStarted", "StartEvent_ReviewStarted", "Gateway_StartReviews")
d.flow("SequenceFlow_ToReviewCpcjd", "Gateway_StartReviews", "Task_ReviewAlertCpcjd", route="v")
d.flow("SequenceFlow_ToReviewOhchr", "Gateway_StartReviews", "Task_ReviewAlertOhchr", route="v")
d.flow("SequenceFlow_ReviewedCpcjd", "Task_ReviewAlertCpcjd", "Gateway_ReviewsDone")
d.flow("SequenceFlow_ReviewedOhchr", "Task_ReviewAlertOhchr", "Gateway_ReviewsDone")
d.flow("SequenceFlow_ReviewsDone", "Gateway_ReviewsDone", "Gateway_CoordinatorsAgree")
d.flow("SequenceFlow_CoordinatorsAgreeYes", "Gateway_CoordinatorsAgree", "EndEvent_ProposalsAgree", "yes",
       "${cpcjdDecision == ohchrDecision}")
d.flow("SequenceFlow_CoordinatorsAgreeNo", "Gateway_CoordinatorsAgree", "Task_SettleJointDecision", "no",
       "${cpcjdDecision != ohchrDecision}", route="v", label=(725, 340, 20, 14))
d.flow("SequenceFlow_JointDecisionSettled", "Task_SettleJointDecision", "EndEvent_JointDecisionSettled")
d.flow("SequenceFlow_ReviewDone", "SubProcess_ReviewAlert", "Task_RecordJointDecision")
d.flow("SequenceFlow_JointDecisionRecorded", "Task_RecordJointDecision", "EndEvent_AlertDecided")
d.flow("SequenceFlow_ReminderDue", "Timer_ReviewReminder", "Task_RemindCoordinators", route="v")
d.flow("SequenceFlow_CoordinatorsReminded", "Task_RemindCoordinators", "EndEvent_CoordinatorsReminded")
d.flow("SequenceFlow_EscalationDue", "Timer_ReviewEscalation", "Task_EscalateToAdministrator", route="v")
d.flow("SequenceFlow_AlertEscalated", "Task_EscalateToAdministrator", "EndEvent_AlertEscalated")

I, J = "    ", "      "


def listeners(*pairs):
    return ("\n{J}  <bpmn:extensionElements>".format(J=J)
            + "".join(f'\n{J}    <camunda:taskListener delegateExpression="${{{bean}}}" event="{event}" />' for bean, event in pairs)
            + f"\n{J}  </bpmn:extensionElements>")


def user_task(id, name, form, groups, doc, completed_by):
    return (f'{J}<bpmn:userTask id="{id}" name="{name}" camunda:formRef="{form}" camunda:formRefBinding="latest" '
            f'camunda:candidateGroups="{groups}">\n{J}  <bpmn:documentation>{escape(doc)}</bpmn:documentation>'
            + listeners(("alertFactsTaskListener", "create"), (completed_by, "complete"))
            + d.io(id, J) + f"\n{J}</bpmn:userTask>\n")


def service_task(id, name, delegate, indent=I, doc=None, asynchronous=False):
    a = ' camunda:asyncBefore="true"' if asynchronous else ""
    documentation = f"\n{indent}  <bpmn:documentation>{escape(doc)}</bpmn:documentation>" if doc else ""
    return (f'{indent}<bpmn:serviceTask id="{id}" name="{name}" camunda:delegateExpression="${{{delegate}}}"{a}>'
            + documentation + d.io(id, indent) + f"\n{indent}</bpmn:serviceTask>\n")


def gateway(id, name=None, kind="exclusiveGateway", indent=J):
    n = f' name="{escape(name)}"' if name else ""
    return f"{indent}<bpmn:{kind} id=\"{id}\"{n}>" + d.io(id, indent) + f"\n{indent}</bpmn:{kind}>\n"


def event(id, name, kind, indent=I):
    return f'{indent}<bpmn:{kind} id="{id}" name="{name}">' + d.io(id, indent) + f"\n{indent}</bpmn:{kind}>\n"


def boundary_timer(id, name, working_days):
    return (f'{I}<bpmn:boundaryEvent id="{id}" name="{name}" attachedToRef="SubProcess_ReviewAlert" cancelActivity="false">'
            + d.io(id) + f'\n{I}  <bpmn:timerEventDefinition id="TimerEventDefinition_{id[6:]}">\n'
            f'{I}    <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${{workingDays.after({working_days})}}</bpmn:timeDate>\n'
            f"{I}  </bpmn:timerEventDefinition>\n{I}</bpmn:boundaryEvent>\n")


INNER = {"StartEvent_ReviewStarted", "Gateway_StartReviews", "Task_ReviewAlertCpcjd", "Task_ReviewAlertOhchr",
         "Gateway_ReviewsDone", "Gateway_CoordinatorsAgree", "EndEvent_ProposalsAgree", "Task_SettleJointDecision",
         "EndEvent_JointDecisionSettled"}

x = [definitions(PROCESS, "overlap_review_process.py")]
x.append(f'  <bpmn:process id="{PROCESS}" name="Overlap review" isExecutable="true" camunda:historyTimeToLive="P1825D" camunda:isStartableInTasklist="false">\n')
DOC = ("A new overlap alert is reviewed by a coordinator of each office in parallel; each proposes a confirmed overlap "
       "(coordinate or merge), complementary, or not an overlap (with a reason). When both propose the same, that is "
       "the joint decision; otherwise they settle it together in one more task. The joint decision is recorded with the "
       "alert, which tells a funding proposal waiting on it. Undecided after 10 working days, the coordinators are "
       "reminded; after 15, the administrators are asked to step in.")
x.append(f"{I}<bpmn:documentation>{escape(DOC)}</bpmn:documentation>\n")
x.append(event("StartEvent_AlertRaised", "Overlap alert raised", "startEvent"))
x.append(f'{I}<bpmn:subProcess id="SubProcess_ReviewAlert" name="Review alert jointly">' + d.io("SubProcess_ReviewAlert") + "\n")
x.append(event("StartEvent_ReviewStarted", "Review started", "startEvent", J))
x.append(gateway("Gateway_StartReviews", kind="parallelGateway"))
review_doc = ("Compare the two programmes and the signals that raised the alert, and propose what the offices should do. "
              "The other office's coordinator proposes too, without seeing your proposal; if you disagree, you settle it together.")
x.append(user_task("Task_ReviewAlertCpcjd", "Review overlap alert", "review-overlap-alert", CPCJD, review_doc,
                   "reviewOverlapAlertTaskListener"))
x.append(user_task("Task_ReviewAlertOhchr", "Review overlap alert", "review-overlap-alert", OHCHR, review_doc,
                   "reviewOverlapAlertTaskListener"))
x.append(gateway("Gateway_ReviewsDone", kind="parallelGateway"))
x.append(gateway("Gateway_CoordinatorsAgree", "Coordinators agree?"))
x.append(event("EndEvent_ProposalsAgree", "Proposals agree", "endEvent", J))
x.append(user_task("Task_SettleJointDecision", "Settle joint decision", "settle-joint-decision", f"{CPCJD},{OHCHR}",
                   "The two offices proposed different outcomes. Agree on one between you; one of you records it for both.",
                   "settleJointDecisionTaskListener"))
x.append(event("EndEvent_JointDecisionSettled", "Joint decision settled", "endEvent", J))
for f in d.flows_from(INNER):
    x.append(d.flow_xml(f, J))
x.append(f"{I}</bpmn:subProcess>\n")
x.append(boundary_timer("Timer_ReviewReminder", "10 working days undecided", 10))
x.append(service_task("Task_RemindCoordinators", "Remind coordinators", "remindCoordinatorsDelegate"))
x.append(event("EndEvent_CoordinatorsReminded", "Coordinators reminded", "endEvent"))
x.append(boundary_timer("Timer_ReviewEscalation", "15 working days undecided", 15))
x.append(service_task("Task_EscalateToAdministrator", "Escalate to administrator", "escalateToAdministratorDelegate"))
x.append(event("EndEvent_AlertEscalated", "Escalated to administrator", "endEvent"))
x.append(service_task("Task_RecordJointDecision", "Record joint decision", "recordJointDecisionDelegate", asynchronous=True,
                      doc="Asynchronous: a failure to record becomes an incident to retry, and never undoes the coordinators' completed tasks."))
x.append(event("EndEvent_AlertDecided", "Alert decided", "endEvent"))
for f in d.flows_from(set(d.shapes) - INNER):
    x.append(d.flow_xml(f))
x.append("  </bpmn:process>\n")
x.append(d.di(PROCESS, first=["SubProcess_ReviewAlert"], without_marker={"Gateway_StartReviews", "Gateway_ReviewsDone"}))
x.append("</bpmn:definitions>\n")
OUT.write_text("".join(x))
print("wrote", OUT)
