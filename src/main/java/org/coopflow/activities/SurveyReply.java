package org.coopflow.activities;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A Member State's reply to a questionnaire: when it arrived, and what it says in a few lines. */
record SurveyReply(@NotNull LocalDate repliedOn, @Size(max = 4000) String summary) {
}
