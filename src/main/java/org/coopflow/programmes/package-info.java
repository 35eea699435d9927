/**
 * Owns the programmes of both offices and their way from draft proposal to funded: the portfolio, its
 * change history and bulk import, the funding proposal process, and each programme's funding status.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Programmes and funding proposals", allowedDependencies = {
		"reference :: api", "security :: api", "shared", "web", "workflow :: api", "workflow :: ports" })
package org.coopflow.programmes;
