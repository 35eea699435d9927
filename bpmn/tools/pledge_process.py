#!/usr/bin/env python3
"""Writes bpmn/DonorPledgeProcess.bpmn, the model and its diagram, from one description.

Run it after changing the process (python3 bpmn/tools/pledge_process.py); the diagram positions are
kept here beside the elements so that the model and its picture cannot drift apart.
"""
from pathlib import Path
from xml.sax.saxutils import escape

from bpmnwriter import Diagram, definitions

OUT = Path(__file__).resolve().parent.parent / "DonorPledgeProcess.bpmn"

d = Diagram()
shape, flow, flow_xml = d.shape, d.flow, d.flow_xml
shapes, flows = d.shapes, d.flows

# ---- layout: the main line, the allocation above it, the collection below
shape("StartEvent_PledgeAnnounced", "event", 180, 400)
shape("Task_VerifyPledge", "task", 290, 400)
shape("Task_RecordVerification", "task", 440, 400)
shape("Gateway_PledgeVerified", "gateway", 575, 400)
shape("EndEvent_PledgeDeclined", "event", 575, 520)
shape("Task_ConcludeAgreement", "task", 700, 400)
shape("BoundaryEvent_LapseDateReached", "event", 720, 440)
shape("Task_MarkPledgeLapsed", "task", 830, 530)
shape("EndEvent_PledgeLapsed", "event", 960, 530)
shape("Task_RecordAgreement", "task", 850, 400)
shape("Gateway_AgreementRecorded", "gateway", 985, 400)
shape("Gateway_EarmarkedToProgramme", "gateway", 1080, 240)
shape("Task_AllocateToEarmarkedProgramme", "task", 1230, 160)
shape("Task_AllocateFunds", "task", 1230, 300)
shape("Task_RecordAllocation", "task", 1380, 300)
shape("Gateway_FundsAllocated", "gateway", 1530, 240)
shape("SubProcess_CollectInstalments", "sub", 1690, 740, 1240, 520, True)
shape("StartEvent_CollectionStarted", "event", 1110, 580)
shape("Gateway_CollectionStarted", "gateway", 1190, 580)
shape("Gateway_PaymentsWaiting", "gateway", 1300, 580)
shape("Gateway_AwaitPayment", "gateway", 1400, 680)
shape("Event_PaymentReported", "event", 1500, 680)
shape("Event_DailyCheck", "event", 1500, 760)
shape("Task_ConfirmReceipt", "task", 1620, 580)
shape("Task_RecordReceipt", "task", 1770, 580)
shape("Gateway_PledgePaid", "gateway", 1910, 580)
shape("EndEvent_PledgeFullyPaid", "event", 2030, 580)
shape("SubProcess_InstalmentReminders", "sub", 1650, 890, 820, 130, True)
shape("StartEvent_InstalmentScheduled", "event", 1280, 890)
shape("Event_DueDateNear", "event", 1360, 890)
shape("Task_RemindOfInstalment", "task", 1470, 890)
shape("Event_DueDatePassed", "event", 1590, 890)
shape("Task_ReportOverdueInstalment", "task", 1710, 890)
shape("EndEvent_InstalmentRemindersSent", "event", 1820, 890)
shape("EndEvent_RemindersSent", "event", 2170, 890)
shape("Gateway_FundsSettled", "gateway", 2420, 400)
shape("EndEvent_PledgePaid", "event", 2530, 400)
shape("SubProcess_PledgeClosed", "sub", 330, 700, 300, 140, True)
shape("StartEvent_PledgeClosed", "event", 250, 700)
shape("EndEvent_PledgeClosed", "event", 420, 700)

flow("SequenceFlow_PledgeAnnounced", "StartEvent_PledgeAnnounced", "Task_VerifyPledge")
flow("SequenceFlow_PledgeChecked", "Task_VerifyPledge", "Task_RecordVerification")
flow("SequenceFlow_VerificationRecorded", "Task_RecordVerification", "Gateway_PledgeVerified")
flow("SequenceFlow_PledgeVerifiedYes", "Gateway_PledgeVerified", "Task_ConcludeAgreement", "yes", "${pledgeVerified}")
flow("SequenceFlow_PledgeVerifiedNo", "Gateway_PledgeVerified", "EndEvent_PledgeDeclined", "no", "${!pledgeVerified}",
     points=[(575, 425), (575, 502)])
flow("SequenceFlow_AgreementConcluded", "Task_ConcludeAgreement", "Task_RecordAgreement")
flow("SequenceFlow_LapseDateReached", "BoundaryEvent_LapseDateReached", "Task_MarkPledgeLapsed", route="v")
flow("SequenceFlow_PledgeLapsed", "Task_MarkPledgeLapsed", "EndEvent_PledgeLapsed")
flow("SequenceFlow_AgreementRecorded", "Task_RecordAgreement", "Gateway_AgreementRecorded")
flow("SequenceFlow_ToAllocation", "Gateway_AgreementRecorded", "Gateway_EarmarkedToProgramme", route="v")
flow("SequenceFlow_ToCollection", "Gateway_AgreementRecorded", "SubProcess_CollectInstalments", route="v",
     points=[(985, 425), (985, 740), (1070, 740)])
flow("SequenceFlow_EarmarkedToProgrammeYes", "Gateway_EarmarkedToProgramme", "Task_AllocateToEarmarkedProgramme", "yes",
     "${pledgeFacts.earmarkedToProgramme(execution)}", route="v")
flow("SequenceFlow_EarmarkedToProgrammeNo", "Gateway_EarmarkedToProgramme", "Task_AllocateFunds", "no",
     "${!pledgeFacts.earmarkedToProgramme(execution)}", route="v")
flow("SequenceFlow_AllocatedToEarmarkedProgramme", "Task_AllocateToEarmarkedProgramme", "Gateway_FundsAllocated")
flow("SequenceFlow_AllocationChosen", "Task_AllocateFunds", "Task_RecordAllocation")
flow("SequenceFlow_AllocationRecorded", "Task_RecordAllocation", "Gateway_FundsAllocated")
flow("SequenceFlow_FundsAllocated", "Gateway_FundsAllocated", "Gateway_FundsSettled",
     points=[(1555, 240), (2420, 240), (2420, 375)])
flow("SequenceFlow_InstalmentsCollected", "SubProcess_CollectInstalments", "Gateway_FundsSettled",
     points=[(2310, 740), (2420, 740), (2420, 425)])
flow("SequenceFlow_FundsSettled", "Gateway_FundsSettled", "EndEvent_PledgePaid")
# inside "Collect instalments"
flow("SequenceFlow_CollectionStarted", "StartEvent_CollectionStarted", "Gateway_CollectionStarted")
flow("SequenceFlow_ToPaymentChecks", "Gateway_CollectionStarted", "Gateway_PaymentsWaiting")
flow("SequenceFlow_ToReminders", "Gateway_CollectionStarted", "SubProcess_InstalmentReminders",
     points=[(1190, 605), (1190, 890), (1240, 890)])
flow("SequenceFlow_PaymentsWaitingYes", "Gateway_PaymentsWaiting", "Task_ConfirmReceipt", "yes",
     "${pledgeFacts.paymentWaiting(execution)}")
flow("SequenceFlow_PaymentsWaitingNo", "Gateway_PaymentsWaiting", "Gateway_AwaitPayment", "no",
     "${!pledgeFacts.paymentWaiting(execution)}", route="v")
flow("SequenceFlow_AwaitPaymentReport", "Gateway_AwaitPayment", "Event_PaymentReported")
flow("SequenceFlow_AwaitNextDay", "Gateway_AwaitPayment", "Event_DailyCheck", route="v")
flow("SequenceFlow_PaymentReported", "Event_PaymentReported", "Gateway_PaymentsWaiting",
     points=[(1518, 680), (1550, 680), (1550, 640), (1300, 640), (1300, 605)])
flow("SequenceFlow_DailyCheckDone", "Event_DailyCheck", "Gateway_PaymentsWaiting",
     points=[(1518, 760), (1560, 760), (1560, 630), (1310, 630), (1310, 601)])
flow("SequenceFlow_ReceiptChecked", "Task_ConfirmReceipt", "Task_RecordReceipt")
flow("SequenceFlow_ReceiptRecorded", "Task_RecordReceipt", "Gateway_PledgePaid")
flow("SequenceFlow_PledgePaidYes", "Gateway_PledgePaid", "EndEvent_PledgeFullyPaid", "yes",
     "${pledgeFacts.paid(execution)}")
flow("SequenceFlow_PledgePaidNo", "Gateway_PledgePaid", "Gateway_PaymentsWaiting", "no",
     "${!pledgeFacts.paid(execution)}", points=[(1910, 555), (1910, 510), (1300, 510), (1300, 555)])
flow("SequenceFlow_RemindersScheduled", "SubProcess_InstalmentReminders", "EndEvent_RemindersSent")
# inside "Instalment reminders"
flow("SequenceFlow_InstalmentScheduled", "StartEvent_InstalmentScheduled", "Event_DueDateNear")
flow("SequenceFlow_DueDateNear", "Event_DueDateNear", "Task_RemindOfInstalment")
flow("SequenceFlow_ReminderSent", "Task_RemindOfInstalment", "Event_DueDatePassed")
flow("SequenceFlow_DueDatePassed", "Event_DueDatePassed", "Task_ReportOverdueInstalment")
flow("SequenceFlow_OverdueReported", "Task_ReportOverdueInstalment", "EndEvent_InstalmentRemindersSent")
# event sub-process
flow("SequenceFlow_PledgeClosed", "StartEvent_PledgeClosed", "EndEvent_PledgeClosed")

incoming, outgoing = d.incoming, d.outgoing

def io(id):
    return incoming(id) + outgoing(id)

FACTS = '\n      <bpmn:extensionElements>\n        <camunda:taskListener delegateExpression="${pledgeFactsTaskListener}" event="create" />\n        <camunda:taskListener delegateExpression="${pledgeFactsTaskListener}" event="complete" />\n      </bpmn:extensionElements>'
def user_task(id, name, form, doc):
    return (f'    <bpmn:userTask id="{id}" name="{name}" camunda:formRef="{form}" camunda:formRefBinding="latest" '
            f'camunda:candidateGroups="${{pledgeFacts.officers(execution)}}">\n      <bpmn:documentation>{escape(doc)}</bpmn:documentation>'
            f'{FACTS}{io(id)}\n    </bpmn:userTask>\n')

def service_task(id, name, delegate, indent="    "):
    return (f'{indent}<bpmn:serviceTask id="{id}" name="{name}" camunda:delegateExpression="${{{delegate}}}">'
            + io(id).replace("\n      ", "\n" + indent + "  ") + f'\n{indent}</bpmn:serviceTask>\n')

def gateway(id, name=None, kind="exclusiveGateway", default=None, indent="    "):
    n = f' name="{escape(name)}"' if name else ""
    return f'{indent}<bpmn:{kind} id="{id}"{n}>' + io(id).replace("\n      ", "\n" + indent + "  ") + f'\n{indent}</bpmn:{kind}>\n'

def end(id, name, indent="    ", terminate=False):
    body = io(id).replace("\n      ", "\n" + indent + "  ")
    if terminate:
        body += f'\n{indent}  <bpmn:terminateEventDefinition id="TerminateEventDefinition_{id[9:]}" />'
    return f'{indent}<bpmn:endEvent id="{id}" name="{name}">{body}\n{indent}</bpmn:endEvent>\n'

def timer_catch(id, name, expression, indent="    ", kind="timeDate"):
    body = io(id).replace("\n      ", "\n" + indent + "  ")
    return (f'{indent}<bpmn:intermediateCatchEvent id="{id}" name="{name}">{body}\n{indent}  <bpmn:timerEventDefinition id="TimerEventDefinition_{id[6:]}">\n'
            f'{indent}    <bpmn:{kind} xsi:type="bpmn:tFormalExpression">{expression}</bpmn:{kind}>\n{indent}  </bpmn:timerEventDefinition>\n{indent}</bpmn:intermediateCatchEvent>\n')

INNER_COLLECT = {"StartEvent_CollectionStarted", "Gateway_CollectionStarted", "Gateway_PaymentsWaiting", "Gateway_AwaitPayment",
                 "Event_PaymentReported", "Event_DailyCheck", "Task_ConfirmReceipt", "Task_RecordReceipt", "Gateway_PledgePaid",
                 "EndEvent_PledgeFullyPaid", "SubProcess_InstalmentReminders", "EndEvent_RemindersSent"}
INNER_REMIND = {"StartEvent_InstalmentScheduled", "Event_DueDateNear", "Task_RemindOfInstalment", "Event_DueDatePassed",
                "Task_ReportOverdueInstalment", "EndEvent_InstalmentRemindersSent"}
INNER_CLOSED = {"StartEvent_PledgeClosed", "EndEvent_PledgeClosed"}

def flows_in(scope):
    return [f for f in flows if f[2] in scope]

top = set(shapes) - INNER_COLLECT - INNER_REMIND - INNER_CLOSED - {"SubProcess_CollectInstalments", "SubProcess_PledgeClosed"}

x = []
x.append(definitions("DonorPledgeProcess", "pledge_process.py"))
x.append('  <bpmn:process id="DonorPledgeProcess" name="Donor pledge" isExecutable="true" camunda:historyTimeToLive="P3650D" camunda:isStartableInTasklist="false">\n')
x.append('    <bpmn:documentation>A Member State\'s pledge from announcement to money received and allocated: an officer of the '
         'pledge\'s office verifies it and records the signed agreement (the pledge lapses at its lapse date without one); the '
         'agreed money is allocated to a programme, automatically when the pledge is earmarked to one; every instalment is '
         'reminded before and after its due date, and each reported payment waits for an officer to confirm receipt. A '
         'withdrawal or cancellation ends the process at any point.</bpmn:documentation>\n')
x.append(f'    <bpmn:startEvent id="StartEvent_PledgeAnnounced" name="Pledge announced">{outgoing("StartEvent_PledgeAnnounced")}\n    </bpmn:startEvent>\n')
x.append(user_task("Task_VerifyPledge", "Verify pledge", "verify-pledge",
                   "Check that the pledge is genuine: the Member State's mission or capital confirms it, and the earmarking fits the office's work."))
x.append(service_task("Task_RecordVerification", "Record verification", "recordVerificationDelegate"))
x.append(gateway("Gateway_PledgeVerified", "Pledge verified?"))
x.append(end("EndEvent_PledgeDeclined", "Pledge declined"))
x.append(user_task("Task_ConcludeAgreement", "Conclude agreement", "conclude-agreement",
                   "Record the signed contribution agreement: its date and reference. Without one by the lapse date, the pledge lapses."))
x.append('    <bpmn:boundaryEvent id="BoundaryEvent_LapseDateReached" name="Lapse date reached" attachedToRef="Task_ConcludeAgreement">'
         f'{outgoing("BoundaryEvent_LapseDateReached")}\n      <bpmn:timerEventDefinition id="TimerEventDefinition_LapseDateReached">\n'
         '        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${pledgeFacts.lapseAt(execution)}</bpmn:timeDate>\n'
         '      </bpmn:timerEventDefinition>\n    </bpmn:boundaryEvent>\n')
x.append(service_task("Task_MarkPledgeLapsed", "Mark pledge lapsed", "markPledgeLapsedDelegate"))
x.append(end("EndEvent_PledgeLapsed", "Pledge lapsed"))
x.append(service_task("Task_RecordAgreement", "Record agreement", "recordAgreementDelegate"))
x.append(gateway("Gateway_AgreementRecorded", None, "parallelGateway"))
x.append(gateway("Gateway_EarmarkedToProgramme", "Earmarked to a programme?"))
x.append(service_task("Task_AllocateToEarmarkedProgramme", "Allocate to earmarked programme", "allocateToEarmarkedProgrammeDelegate"))
x.append(user_task("Task_AllocateFunds", "Allocate funds", "allocate-funds",
                   "Choose the programme of the office that this pledge funds; it must fit the pledge's earmarking."))
x.append(service_task("Task_RecordAllocation", "Record allocation", "recordAllocationDelegate"))
x.append(gateway("Gateway_FundsAllocated"))
# Collect instalments
x.append(f'    <bpmn:subProcess id="SubProcess_CollectInstalments" name="Collect instalments">{io("SubProcess_CollectInstalments")}\n')
I = "      "
x.append(f'{I}<bpmn:startEvent id="StartEvent_CollectionStarted" name="Agreement signed">{outgoing("StartEvent_CollectionStarted").replace(chr(10)+"      ", chr(10)+I+"  ")}\n{I}</bpmn:startEvent>\n')
x.append(gateway("Gateway_CollectionStarted", None, "parallelGateway", indent=I))
x.append(gateway("Gateway_PaymentsWaiting", "Payments waiting for confirmation?", indent=I))
x.append(gateway("Gateway_AwaitPayment", None, "eventBasedGateway", indent=I))
body = io("Event_PaymentReported").replace("\n      ", "\n" + I + "  ")
x.append(f'{I}<bpmn:intermediateCatchEvent id="Event_PaymentReported" name="Payment reported">{body}\n'
         f'{I}  <bpmn:messageEventDefinition id="MessageEventDefinition_PaymentReported" messageRef="Message_PaymentReported" />\n{I}</bpmn:intermediateCatchEvent>\n')
x.append(timer_catch("Event_DailyCheck", "A day passed", "P1D", indent=I, kind="timeDuration"))
ut = user_task("Task_ConfirmReceipt", "Confirm receipt", "confirm-receipt",
               "Check the bank statement for the reported payment and confirm that it arrived, or say what was found.")
x.append("\n".join(I[4:] + line if line else line for line in ut.split("\n")))
x.append(service_task("Task_RecordReceipt", "Record receipt", "recordReceiptDelegate", indent=I))
x.append(gateway("Gateway_PledgePaid", "Pledge fully paid?", indent=I))
x.append(end("EndEvent_PledgeFullyPaid", "Pledge fully paid", indent=I, terminate=True))
# instalment reminders (multi-instance)
J = "        "
x.append(f'{I}<bpmn:subProcess id="SubProcess_InstalmentReminders" name="Remind of each instalment">'
         + io("SubProcess_InstalmentReminders").replace("\n      ", "\n" + I + "  ")
         + f'\n{I}  <bpmn:multiInstanceLoopCharacteristics camunda:collection="${{pledgeFacts.instalmentNumbers(execution)}}" camunda:elementVariable="instalment" />\n')
x.append(f'{J}<bpmn:startEvent id="StartEvent_InstalmentScheduled" name="Instalment scheduled">{outgoing("StartEvent_InstalmentScheduled").replace(chr(10)+"      ", chr(10)+J+"  ")}\n{J}</bpmn:startEvent>\n')
x.append(timer_catch("Event_DueDateNear", "Due date near", "${pledgeFacts.reminderAt(execution, instalment)}", indent=J))
x.append(service_task("Task_RemindOfInstalment", "Remind donor of instalment", "remindOfInstalmentDelegate", indent=J))
x.append(timer_catch("Event_DueDatePassed", "Due date passed", "${pledgeFacts.overdueAt(execution, instalment)}", indent=J))
x.append(service_task("Task_ReportOverdueInstalment", "Report overdue instalment", "reportOverdueInstalmentDelegate", indent=J))
x.append(end("EndEvent_InstalmentRemindersSent", "Instalment reminders sent", indent=J))
for f in flows_in(INNER_REMIND):
    x.append(flow_xml(f, J))
x.append(f'{I}</bpmn:subProcess>\n')
x.append(end("EndEvent_RemindersSent", "Reminders sent", indent=I))
for f in flows_in(INNER_COLLECT):
    x.append(flow_xml(f, I))
x.append('    </bpmn:subProcess>\n')
x.append(gateway("Gateway_FundsSettled", None, "parallelGateway"))
x.append(end("EndEvent_PledgePaid", "Pledge paid and allocated"))
# event sub-process: closed from outside
x.append('    <bpmn:subProcess id="SubProcess_PledgeClosed" name="Pledge closed" triggeredByEvent="true">\n')
x.append(f'{I}<bpmn:startEvent id="StartEvent_PledgeClosed" name="Pledge withdrawn or cancelled">{outgoing("StartEvent_PledgeClosed").replace(chr(10)+"      ", chr(10)+I+"  ")}\n'
         f'{I}  <bpmn:messageEventDefinition id="MessageEventDefinition_PledgeClosed" messageRef="Message_PledgeClosed" />\n{I}</bpmn:startEvent>\n')
x.append(end("EndEvent_PledgeClosed", "Pledge closed", indent=I))
for f in flows_in(INNER_CLOSED):
    x.append(flow_xml(f, I))
x.append('    </bpmn:subProcess>\n')
for f in flows_in(top | {"SubProcess_CollectInstalments"}):
    x.append(flow_xml(f))
x.append('  </bpmn:process>\n')
x.append('  <bpmn:message id="Message_PaymentReported" name="PaymentReported" />\n')
x.append('  <bpmn:message id="Message_PledgeClosed" name="PledgeClosed" />\n')
# diagram
x.append(d.di("DonorPledgeProcess", first=["SubProcess_CollectInstalments", "SubProcess_InstalmentReminders", "SubProcess_PledgeClosed"],
              without_marker={"Gateway_AgreementRecorded", "Gateway_CollectionStarted", "Gateway_FundsSettled", "Gateway_AwaitPayment"}))
x.append('</bpmn:definitions>\n')
OUT.write_text("".join(x))
print("wrote", OUT)
