/**
 * Carries out funded programmes: their activities, milestones, documents and spending, the
 * implementation process with its progress and final reports, and what donors and officers read of it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activities and implementation", allowedDependencies = {
		"pledges :: api", "programmes :: api", "programmes :: events", "programmes :: ports", "reference :: api",
		"security :: api", "shared", "web", "workflow :: api", "workflow :: ports" })
package org.coopflow.activities;
