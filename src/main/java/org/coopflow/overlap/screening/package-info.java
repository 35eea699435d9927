/**
 * The in-memory screening engine: indexes programme profiles on country, time and theme, finds the
 * candidate pairs through those indexes and scores them from explained signals; plain Java, usable
 * without Spring.
 */
package org.coopflow.overlap.screening;
