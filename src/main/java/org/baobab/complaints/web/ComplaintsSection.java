// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints.web;

import java.util.Map;
import java.util.Optional;
import org.baobab.complaints.Complaints;
import org.baobab.rules.Deadline;
import org.baobab.tendering.NoticeSection;
import org.baobab.tendering.ProcessView;
import org.springframework.stereotype.Component;

/**
 * The public notice shows the last day to complain against the notice (counted from its publication with the pack's
 * working days and holidays, in the reader's language), the link to file a complaint while that day has not passed in
 * the country, and the public parts of the process's complaints, with their decisions.
 */
@Component
class ComplaintsSection implements NoticeSection {

    private final Complaints complaints;

    ComplaintsSection(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public Optional<Content> forNotice(ProcessView notice) {
        Deadline fileBy = complaints.fileBy(notice.country(), complaints.publicationDay(notice));
        return Optional.of(new Content(
                "complaints/fragments",
                Map.of(
                        "fileBy",
                        fileBy,
                        "open",
                        !complaints.today(notice.country()).isAfter(fileBy.lastDay()),
                        "complaints",
                        complaints.published(notice.ocid()),
                        "ocid",
                        notice.ocid(),
                        "country",
                        notice.country())));
    }
}
