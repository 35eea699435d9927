/**
 * Owns coopflow's reference data: the catalogue of UN standards and norms, the two offices, and the ISO
 * lists of countries and currencies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reference data", allowedDependencies = { "shared", "web" })
package org.coopflow.reference;
