// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The steps of the guided notice editor, in order, as the buyer walks them: what is bought (object, procedure,
 * classification, value), the lots, the dates and rules of the competition, the tender documents, the opening
 * committee (its own page, in the opening module) and the review before submission or publication. The first three
 * save fields of the notice; documents and committee are completed by leaving them; review is done when the notice is
 * submitted or published.
 */
enum NoticeStep {
    WHAT("what", true),
    LOTS("lots", true),
    DATES("dates", true),
    DOCUMENTS("documents", false),
    COMMITTEE("committee", false),
    REVIEW("review", false);

    private final String slug;
    private final boolean savesNotice;

    NoticeStep(String slug, boolean savesNotice) {
        this.slug = slug;
        this.savesNotice = savesNotice;
    }

    /** The step's name in addresses, messages and the completion table. */
    public String getSlug() {
        return slug;
    }

    /** Whether the step's form holds fields of the notice (saved when the step is left). */
    boolean savesNotice() {
        return savesNotice;
    }

    /** The number shown to the reader, from 1. */
    public int getNumber() {
        return ordinal() + 1;
    }

    public @Nullable NoticeStep next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    public @Nullable NoticeStep previous() {
        return ordinal() > 0 ? values()[ordinal() - 1] : null;
    }

    static Optional<NoticeStep> of(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst();
    }
}
