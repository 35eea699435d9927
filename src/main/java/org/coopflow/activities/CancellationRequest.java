package org.coopflow.activities;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an activity is cancelled; donors read it in their report. */
record CancellationRequest(@NotBlank @Size(max = 1000) String reason) {
}
