package org.coopflow.activities;

/** The reports of an implementation: one per reporting period, and one at the end. */
public enum ReportKind {

	PROGRESS, FINAL

}
