// SPDX-License-Identifier: Apache-2.0
package org.baobab.award.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.baobab.award.AwardView;
import org.baobab.award.Awards;
import org.baobab.tendering.NoticeSection;
import org.baobab.tendering.ProcessView;
import org.springframework.stereotype.Component;

/**
 * The public notice shows the published award: provisional or final, each lot's winner and amount (or unsuccessful),
 * the standstill's last day, and, while the window is open, the last day and the link to complain; the bidders find
 * their own result through the link to {@code /award/{ocid}/mine}.
 */
@Component
class AwardSection implements NoticeSection {

    private final Awards awards;

    AwardSection(Awards awards) {
        this.awards = awards;
    }

    @Override
    public Optional<Content> forNotice(ProcessView notice) {
        Optional<AwardView> award = awards.published(notice.ocid());
        if (award.isEmpty()) {
            return Optional.empty();
        }
        AwardView a = award.get();
        boolean complaintOpen = "PROVISIONAL".equals(a.status())
                && a.complainBy() != null
                && !awards.today(a.country()).isAfter(a.complainBy());
        Map<String, Object> data = new HashMap<>();
        data.put("award", a);
        data.put("ocid", notice.ocid());
        data.put("complaintOpen", complaintOpen);
        return Optional.of(new Content("award/section", data));
    }
}
