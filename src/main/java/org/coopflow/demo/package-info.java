/**
 * Owns the demo portfolio: programmes, pledges, rates, alerts and tasks that the demo profile loads once
 * through the other modules' services and processes, so that a first run shows the work.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo portfolio", allowedDependencies = {
		"activities :: api", "pledges :: api", "programmes :: api", "reference :: api", "security :: api" })
package org.coopflow.demo;
