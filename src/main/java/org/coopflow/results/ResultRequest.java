package org.coopflow.results;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new outcome or output of a programme, with the codes of the standards it serves. Once the programme is
 * approved, {@code reason} says why a result is added to what was agreed.
 */
@org.springframework.modulith.NamedInterface("api")
public record ResultRequest(@NotNull ResultType type, @NotBlank @Size(max = 300) String title,
		@Size(max = 4000) String description, List<String> standards, @Size(max = 2000) String reason) {
}
