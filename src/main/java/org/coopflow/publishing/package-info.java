/**
 * Publishes the approved programmes of both offices as an IATI 2.03 activity file, checked against the
 * IATI codelists and rules before each activity is written, and lists the programmes it had to leave out.
 */
@org.springframework.modulith.ApplicationModule(displayName = "IATI publishing", allowedDependencies = {
		"activities :: api", "pledges :: api", "programmes :: api", "reference :: api", "results :: api", "shared" })
package org.coopflow.publishing;
