/**
 * Owns what operators see of a running coopflow: the start-up report of database and profiles, and the
 * health and metrics endpoints' configuration.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations", allowedDependencies = {})
package org.coopflow.operations;
