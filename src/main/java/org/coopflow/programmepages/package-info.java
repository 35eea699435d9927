/**
 * The officers' pages on programmes: the portfolio list, a programme's page, its draft form, its
 * submission as a proposal and the CSV import, all through the programmes module's own services.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Programme pages for officers", allowedDependencies = {
		"activities :: api", "overlap :: api", "pledges :: api", "programmes :: api", "reference :: api",
		"security :: api", "shared", "web", "workflow :: api" })
package org.coopflow.programmepages;
