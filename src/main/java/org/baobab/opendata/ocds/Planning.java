// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

import java.util.List;

/** What is known before the tender: why it is needed, the budget, planning documents and milestones. */
public record Planning(String rationale, Budget budget, List<Document> documents, List<Milestone> milestones) {

    public Planning {
        documents = Ocds.list(documents);
        milestones = Ocds.list(milestones);
    }
}
