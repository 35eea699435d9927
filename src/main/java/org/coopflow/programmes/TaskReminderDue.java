package org.coopflow.programmes;

/**
 * A task of the funding proposal process has waited 5 working days. {@code assignee} is null while
 * nobody has claimed it: then its candidate group is the one to remind.
 */
@org.springframework.modulith.NamedInterface("events")
public record TaskReminderDue(long programmeId, String taskId, String assignee) {
}
