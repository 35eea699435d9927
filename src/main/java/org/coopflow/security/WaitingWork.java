package org.coopflow.security;

import java.util.List;
import java.util.Optional;

/**
 * One kind of work that waits for a person, as a section of their home page. Modules that know of such
 * work implement it (open tasks, open overlap alerts, instalments due), so that the home page lists it
 * without depending on them.
 */
@org.springframework.modulith.NamedInterface("ports")
public interface WaitingWork {

	/** The section for this person, or empty when their role has no such work. */
	Optional<Section> of(CoopflowUser user);

	/**
	 * @param id the section's HTML id
	 * @param order where it stands on the page, lowest first
	 * @param none what the page says when nothing waits
	 * @param items the first few, most urgent first
	 * @param more where the whole list is, relative to the context path
	 */
	@org.springframework.modulith.NamedInterface("ports")
	record Section(String id, int order, String heading, String none, List<Item> items, String moreLabel,
			String more) {
	}

	/**
	 * @param text what it is, in words
	 * @param href where to deal with it, relative to the context path
	 * @param detail when it is due, or since when it waits; null when nothing to say
	 * @param late past its due date
	 */
	@org.springframework.modulith.NamedInterface("ports")
	record Item(String text, String href, String detail, boolean late) {
	}

}
