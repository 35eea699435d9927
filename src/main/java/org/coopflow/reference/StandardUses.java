package org.coopflow.reference;

import java.util.Optional;

/**
 * What names a standard, asked before an administrator removes one from the catalogue ({@link RemoveStandard}):
 * each module that keeps standard codes answers for its own records, so that the catalogue never loses a
 * standard something still names by its code.
 */
@org.springframework.modulith.NamedInterface("api")
public interface StandardUses {

	/** What of this module's names {@code code}, in words for the administrator ("2 programmes"); empty when nothing. */
	Optional<String> of(String code);

	/** "1 programme", "3 programmes": a count in words, empty when none. */
	static Optional<String> counted(long count, String one, String many) {
		return count == 0 ? Optional.empty() : Optional.of(count + " " + (count == 1 ? one : many));
	}

}
