/**
 * Owns how coopflow runs the Camunda engine: the engine starts on the schema Liquibase built, and the
 * models and forms under {@code bpmn/} follow the project's modelling rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow engine", allowedDependencies = {
		"security :: api", "security :: ports", "shared" })
package org.coopflow.workflow;
