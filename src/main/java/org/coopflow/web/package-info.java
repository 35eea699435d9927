/**
 * Turns the shared refusals into answers at the web's edge: {@code application/problem+json} for the API, an
 * HTML page for people, a 404 page for unknown addresses, and the server-drawn bar charts the pages share.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web edge", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.coopflow.web;
