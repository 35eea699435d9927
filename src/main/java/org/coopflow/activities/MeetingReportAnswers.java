package org.coopflow.activities;

/**
 * What the experts found on the three questions resolution 1997/32 (para. 7) puts to them about the
 * draft minimum rules for the administration of criminal justice: whether they duplicate or contradict
 * existing standards, whether such an instrument is needed, and how they fit the diversity of legal
 * systems.
 */
record MeetingReportAnswers(String duplication, String necessity, String legalSystems) {
}
