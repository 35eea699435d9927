/**
 * Holds what every module says the same way: the refusals a use case raises (invalid input naming each field,
 * not found, conflict, stale version) and one page of a list.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.coopflow.shared;
