/**
 * Owns the screening of both offices' programmes for overlaps, the coordinators' joint review of each
 * alert, and the pages that show the alerts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Overlap alerts", allowedDependencies = {
		"programmes :: api", "programmes :: events", "programmes :: ports", "reference :: api", "security :: api",
		"security :: ports", "shared", "web", "workflow :: api", "workflow :: ports" })
package org.coopflow.overlap;
