/**
 * Owns the screening of both offices' programmes for overlaps, the coordinators' joint review of each
 * alert, and the pages that show the alerts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Overlap alerts")
package org.coopflow.overlap;
