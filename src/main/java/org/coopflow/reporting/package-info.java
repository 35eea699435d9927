/**
 * What donors and officers read about where the money went: each pledge's way from pledged to spent with
 * the activities and reports it paid for, and the officers' portfolio of programmes, gaps and late reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting", allowedDependencies = {
		"activities :: api", "pledges :: api", "programmes :: api", "reference :: api", "security :: api", "web" })
package org.coopflow.reporting;
