package org.coopflow.security;

import java.util.List;

import org.coopflow.workflow.TasklistLinks;

/**
 * The places a role may go, in the order the header shows them, with the one being looked at marked.
 * One list per role, so that a new page is added to everyone's header at once. The person's own account
 * page is reached from their name instead, marked in {@code account} ({@code "page"} or null) the same way.
 */
record Navigation(List<Link> links, String account) {

	/**
	 * One place: what it is called, where it is (relative to the context path), and whether it is the
	 * page being shown ({@code "page"}), a page under it ({@code "true"}) or neither (null), as
	 * {@code aria-current} takes it.
	 */
	public record Link(String label, String href, String current) {
	}

	static Navigation of(Role role, String path) {
		List<String[]> places = switch (role) {
			case DONOR -> List.of(new String[] { "Home", "/" },
					new String[] { "Programmes open for funding", "/donor/programmes" },
					new String[] { "Pledge", "/donor/pledges/new" }, new String[] { "My pledges", "/donor/pledges" },
					new String[] { "Chart", "/donor/chart" });
			case PROGRAMME_OFFICER, COORDINATOR -> List.of(new String[] { "Home", "/" },
					new String[] { "Programmes", "/programmes" }, new String[] { "Portfolio", "/portfolio" },
					new String[] { "Implementation", "/implementation" },
					new String[] { "Overlap alerts", "/overlap-alerts" }, new String[] { "Rates", "/exchange-rates" },
					new String[] { "Tasklist", TasklistLinks.HOME });
			case ADMIN -> List.of(new String[] { "Home", "/" }, new String[] { "Programmes", "/programmes" },
					new String[] { "Portfolio", "/portfolio" }, new String[] { "Implementation", "/implementation" },
					new String[] { "Overlap alerts", "/overlap-alerts" }, new String[] { "Rates", "/exchange-rates" },
					new String[] { "Tasklist", TasklistLinks.HOME }, new String[] { "Users", "/users" }, new String[] { "Standards", "/standards" });
		};
		// the longest address the path starts with is the section; /donor/pledges/new is not under My pledges
		String section = places.stream()
			.map(place -> place[1])
			.filter(href -> !href.equals("/") && (path.equals(href) || path.startsWith(href + "/")))
			.filter(href -> places.stream().noneMatch(other -> other[1].equals(path) && !other[1].equals(href)))
			.reduce((a, b) -> a.length() >= b.length() ? a : b)
			.orElse(path.equals("/") ? "/" : null);
		return new Navigation(places.stream()
			.map(place -> new Link(place[0], place[1],
					!place[1].equals(section) ? null : place[1].equals(path) ? "page" : "true"))
			.toList(), path.equals("/account") ? "page" : null);
	}

}
