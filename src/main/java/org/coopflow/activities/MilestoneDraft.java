package org.coopflow.activities;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A milestone as an officer plans it; each becomes a task when the activity is carried out. */
@org.springframework.modulith.NamedInterface("api")
public record MilestoneDraft(@NotBlank @Size(max = 300) String title, @NotNull LocalDate due) {
}
