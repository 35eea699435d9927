/**
 * Owns who may do what: coopflow's user store, the four roles and their binding to an office or a
 * Member State, sign-in for pages and APIs, and the bridge that lets Camunda's webapps and REST API
 * see the same users, groups and authorizations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security", allowedDependencies = {
		"reference :: api", "shared" })
package org.coopflow.security;
