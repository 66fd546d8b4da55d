// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.web;

import java.util.Map;
import java.util.Optional;
import org.baobab.opening.OpeningMinutes;
import org.baobab.tendering.NoticeSection;
import org.baobab.tendering.ProcessView;
import org.springframework.stereotype.Component;

/** The public notice links the opening minutes once every member present approved them. */
@Component
class MinutesSection implements NoticeSection {

    private final OpeningMinutes minutes;

    MinutesSection(OpeningMinutes minutes) {
        this.minutes = minutes;
    }

    @Override
    public Optional<Content> forNotice(ProcessView notice) {
        var published = minutes.published(notice.ocid());
        return published.isEmpty()
                ? Optional.empty()
                : Optional.of(new Content("opening/minutes-section", Map.of("minutes", published)));
    }
}
