/**
 * Owns the pages a signed-in Member State donor uses: programmes open for funding, the pledge form, the
 * donor's own pledges with their timelines and schedules, and a chart of what the Member State pledged.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Donor pages", allowedDependencies = {
		"pledges :: api", "programmes :: api", "reference :: api", "reporting :: api", "security :: api",
		"security :: ports", "shared", "web" })
package org.coopflow.donors;
