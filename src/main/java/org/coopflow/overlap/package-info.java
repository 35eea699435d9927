/**
 * Owns the screening of both offices' programmes for overlaps and the coordinators' joint review of
 * each alert.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Overlap alerts")
package org.coopflow.overlap;
