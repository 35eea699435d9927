package org.coopflow.web;

import java.util.List;
import java.util.OptionalInt;

import org.coopflow.shared.InvalidInputException;
import org.springframework.http.ETag;

/**
 * The ETag of a versioned resource is its version, {@code "3"}; a change sends it back as
 * {@code If-Match} so that nobody overwrites a change they have not seen (a stale version is a 412,
 * raised where the version is compared). Headers are read with Spring's {@link ETag}.
 */
public final class ETags {

	private ETags() {
	}

	/** The ETag header value of {@code version}: {@code "3"}. */
	public static String of(int version) {
		return new ETag(String.valueOf(version), false).formattedTag();
	}

	/**
	 * The version an {@code If-Match} header names; empty when there is none or it is blank. A weak tag
	 * ({@code W/"3"}) and an unquoted one ({@code 3}) are read as clients send them.
	 * @param resource what the tag is of, for the refusal: "pledge", "programme", "activity"
	 * @throws InvalidInputException (400, field "If-Match") when the header is not one version's tag
	 */
	public static OptionalInt ifMatch(String header, String resource) {
		if (header == null || header.isBlank()) {
			return OptionalInt.empty();
		}
		List<ETag> tags = ETag.parse(header);
		// ETag.parse skips what is not quoted; create reads a lone unquoted tag too
		ETag tag = tags.size() == 1 ? tags.get(0) : ETag.create(header.trim());
		try {
			return OptionalInt.of(Integer.parseInt(tag.tag()));
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException("If-Match", "must be the ETag of the " + resource + " as read, e.g. \"3\"");
		}
	}

	/**
	 * The version a replacement was made from: the {@code If-Match} header's, else the body's
	 * {@code version}; one of them is required, so that no change is lost.
	 * @throws InvalidInputException (400) when the header is malformed or both are missing
	 */
	public static int expectedVersion(String ifMatch, Integer bodyVersion, String resource) {
		OptionalInt fromHeader = ifMatch(ifMatch, resource);
		if (fromHeader.isPresent()) {
			return fromHeader.getAsInt();
		}
		if (bodyVersion != null) {
			return bodyVersion;
		}
		throw new InvalidInputException("version",
				"send the version you read, as If-Match header or as 'version' in the body, so that no change is lost");
	}

}
