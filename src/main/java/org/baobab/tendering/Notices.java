// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.tendering.internal.FollowerStore;
import org.baobab.tendering.internal.NoticeSearchStore;
import org.baobab.tendering.internal.ProcessStore;
import org.baobab.tendering.internal.ProcessViews;
import org.baobab.tendering.internal.QuestionStore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What everyone may read, without an account: published notices (never drafts), searched and filtered, each in its
 * public form (no confidential estimate, no unanswered question, nobody's identity as an asker).
 */
@Service
public class Notices {

    private final ProcessStore store;
    private final ProcessViews views;
    private final NoticeSearchStore searches;
    private final FollowerStore followers;
    private final QuestionStore questions;
    private final Clock clock;

    Notices(
            ProcessStore store,
            ProcessViews views,
            NoticeSearchStore searches,
            FollowerStore followers,
            QuestionStore questions,
            Clock clock) {
        this.store = store;
        this.views = views;
        this.searches = searches;
        this.followers = followers;
        this.questions = questions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SearchResult<NoticeSummary> search(NoticeSearch search) {
        return searches.search(search, clock.instant());
    }

    /**
     * The published notices whose reference is exactly this one (an authority's reference is not unique across
     * authorities or years), newest first; at most ten.
     */
    @Transactional(readOnly = true)
    public List<NoticeSummary> withReference(String reference) {
        return search(NoticeSearch.words(reference, 10)).items().stream()
                .filter(n -> n.reference().equals(reference))
                .toList();
    }

    /** A published notice by its ocid; empty for an unknown ocid or a process never published. */
    @Transactional(readOnly = true)
    public Optional<ProcessView> notice(String ocid) {
        return store.rowByOcid(ocid)
                .filter(row -> row.publishedAt() != null)
                .map(views::view)
                .map(ProcessView::forPublic);
    }

    /** The users who follow a published notice (to be told of its changes); empty for an unknown ocid. */
    @Transactional(readOnly = true)
    public List<UUID> followers(String ocid) {
        return store.rowByOcid(ocid).map(row -> followers.followers(row.id())).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public boolean follows(UUID userId, String ocid) {
        return store.rowByOcid(ocid)
                .map(row -> followers.follows(row.id(), userId))
                .orElse(false);
    }

    /** The published notices a user follows, nearest deadline first; at most 50. */
    @Transactional(readOnly = true)
    public List<NoticeSummary> followedBy(UUID userId) {
        return followers.followedBy(userId, 50);
    }

    /**
     * A question a company asked on a published notice, for the company itself (the public never learns who asked).
     *
     * @param answeredAt when the answer was published, or null while it is awaited
     */
    public record CompanyQuestion(
            String ocid,
            String title,
            String question,
            Instant askedAt,
            @Nullable Instant answeredAt) {}

    /** The questions a company asked, newest first; at most 50. Only for the company's own members' pages. */
    @Transactional(readOnly = true)
    public List<CompanyQuestion> questionsOf(UUID organisationId) {
        return questions.askedBy(organisationId, 50);
    }

    /** The authorities that have published notices, for the search filters. */
    @Transactional(readOnly = true)
    public List<Map.Entry<UUID, String>> authorities() {
        return searches.publishingAuthorities();
    }

    /** The server's now, against which the pages tell open notices from closed ones. */
    public Instant now() {
        return clock.instant();
    }
}
