package org.coopflow.activities;

/**
 * How far a funded programme's implementation has come. Activities are added while PLANNING: the
 * process carries out the activities planned when implementation starts.
 */
public enum ImplementationStage {

	PLANNING, IN_IMPLEMENTATION, CLOSED

}
