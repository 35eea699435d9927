/**
 * Publishes the programmes of both offices from approval on to anyone, without signing in: what was
 * approved, funded by whom and spent, as pages, JSON and CSV, through an explicit list of published fields.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open data", allowedDependencies = {
		"activities :: api", "pledges :: api", "programmes :: api", "reference :: api", "results :: api", "shared",
		"web" })
package org.coopflow.opendata;
