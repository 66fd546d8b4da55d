// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms of a published process's page on the shared form mechanism: their model attribute names ({@code addendum},
 * {@code answer}) prefix their labels ({@code addendum.description}, {@code answer.answer}).
 */
final class ProcessForms {

    private ProcessForms() {}

    /** An addendum: what changes, a later deadline and opening if any (local times), a document's title. */
    public record AddendumForm(
            String description,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
            LocalDateTime newDeadline,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
            LocalDateTime newOpeningAt,

            String documentTitle) {
        public AddendumForm {
            description = description == null ? "" : description;
            documentTitle = documentTitle == null ? "" : documentTitle;
        }

        static AddendumForm empty() {
            return new AddendumForm("", null, null, "");
        }
    }

    /** The answer to one question; {@code question} says which, so the page shows the error under that one. */
    public record AnswerForm(@Nullable UUID question, String answer) {
        public AnswerForm {
            answer = answer == null ? "" : answer;
        }
    }
}
