/**
 * Owns the results framework of programmes: their outcomes and outputs, the indicators that measure them
 * with baselines, targets and actuals per reporting period, and the revisions made after approval.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Results framework", allowedDependencies = {
		"pledges :: api", "programmes :: api", "reference :: api", "security :: api", "shared", "web" })
package org.coopflow.results;
