/**
 * Owns the pages a signed-in Member State donor uses: programmes open for funding, the pledge form, the
 * donor's own pledges with their timelines and schedules, and a chart of what the Member State pledged.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Donor pages")
package org.coopflow.donors;
