package org.coopflow.results;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new indicator of a result: how it is measured, whether higher is better ({@code ascending}, true when
 * left out), its baseline (optional) and its reporting periods with their targets. Once the programme is
 * approved, {@code reason} says why an indicator is added to what was agreed.
 */
@org.springframework.modulith.NamedInterface("api")
public record IndicatorRequest(@NotBlank @Size(max = 300) String title, @Size(max = 4000) String description,
		@NotNull Measure measure, Boolean ascending, @Valid BaselineRequest baseline,
		List<@Valid PeriodRequest> periods, @Size(max = 2000) String reason) {
}
