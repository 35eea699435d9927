/**
 * Owns Member States' pledges from announcement to money received and allocated to a programme: the
 * lifecycle, the donor pledge process, and what each donor may see of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pledges", allowedDependencies = {
		"programmes :: api", "programmes :: events", "reference :: api", "reference :: events", "security :: api",
		"shared", "web", "workflow :: api", "workflow :: ports" })
package org.coopflow.pledges;
