package org.coopflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;

import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ETagsTests {

	@Test
	void theTagOfAVersionIsTheQuotedVersion() {
		assertThat(ETags.of(3)).isEqualTo("\"3\"");
		assertThat(ETags.of(0)).isEqualTo("\"0\"");
	}

	@Test
	void readsTheVersionOfAStrongAWeakAndAnUnquotedTag() {
		assertThat(ETags.ifMatch("\"3\"", "pledge")).hasValue(3);
		assertThat(ETags.ifMatch("W/\"3\"", "pledge")).hasValue(3);
		assertThat(ETags.ifMatch(" \"12\" ", "pledge")).hasValue(12);
		assertThat(ETags.ifMatch("3", "pledge")).hasValue(3);
		assertThat(ETags.ifMatch("W/3", "pledge")).hasValue(3);
	}

	@Test
	void aMissingOrBlankHeaderNamesNoVersion() {
		assertThat(ETags.ifMatch(null, "pledge")).isEqualTo(OptionalInt.empty());
		assertThat(ETags.ifMatch("  ", "pledge")).isEqualTo(OptionalInt.empty());
	}

	@Test
	void refusesWhatIsNotOneVersionsTagNamingTheHeaderAndTheResource() {
		for (String malformed : new String[] { "\"abc\"", "*", "\"3\", \"4\"", "abc", "\"\"" }) {
			assertThatThrownBy(() -> ETags.ifMatch(malformed, "programme")).as(malformed)
				.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
					.containsExactly(new InvalidField("If-Match", "must be the ETag of the programme as read, e.g. \"3\"")));
		}
	}

	@Test
	void theHeaderComesBeforeTheBodysVersionAndOneOfThemIsRequired() {
		assertThat(ETags.expectedVersion("\"7\"", 2, "activity")).isEqualTo(7);
		assertThat(ETags.expectedVersion(null, 2, "activity")).isEqualTo(2);
		assertThat(ETags.expectedVersion(" ", 2, "activity")).isEqualTo(2);
		assertThatThrownBy(() -> ETags.expectedVersion(null, null, "activity"))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
					new InvalidField("version",
							"send the version you read, as If-Match header or as 'version' in the body, so that no change is lost")));
		assertThatThrownBy(() -> ETags.expectedVersion("\"x\"", 2, "activity")).isInstanceOf(InvalidInputException.class);
	}

}
