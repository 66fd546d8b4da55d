// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import static org.baobab.tendering.StaffChecks.limit;
import static org.baobab.tendering.StaffChecks.lockForStaff;
import static org.baobab.tendering.StaffChecks.requireStatus;
import static org.baobab.tendering.StaffChecks.unknown;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.tendering.TenderingEvents.QuestionAnswered;
import org.baobab.tendering.TenderingEvents.QuestionAsked;
import org.baobab.tendering.internal.FollowerStore;
import org.baobab.tendering.internal.OcdsPublication;
import org.baobab.tendering.internal.ProcessStore;
import org.baobab.tendering.internal.ProcessStore.Row;
import org.baobab.tendering.internal.ProcessViews;
import org.baobab.tendering.internal.QuestionStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clarifications and following: suppliers ask questions until the clarification deadline, the authority answers
 * (the answer and question become public, never the asker), and signed-in users follow notices.
 */
@Service
public class Clarifications {

    private final ProcessStore store;
    private final ProcessViews views;
    private final QuestionStore questions;
    private final FollowerStore followers;
    private final RulePacks packs;
    private final OcdsPublication ocds;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Clarifications(
            ProcessStore store,
            ProcessViews views,
            QuestionStore questions,
            FollowerStore followers,
            RulePacks packs,
            OcdsPublication ocds,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.views = views;
        this.questions = questions;
        this.followers = followers;
        this.packs = packs;
        this.ocds = ocds;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A supplier's question on a published notice, before the clarification deadline. The asker's identity is kept
     * for the authority and the journal, never published. Returns the question's id.
     */
    @Transactional
    public UUID ask(CurrentUser actor, String ocid, String question) {
        CurrentUser.Membership supplier = actor.memberships().stream()
                .filter(m -> m.kind() == OrganisationKind.SUPPLIER)
                .findFirst()
                .orElseThrow(() -> new BaobabException(TenderingErrorCode.NOT_SUPPLIER));
        Row found = store.rowByOcid(ocid).orElseThrow(() -> unknown(ocid));
        Row row = store.lock(found.id()).orElseThrow();
        if (row.status() != ProcessStatus.PUBLISHED) {
            throw new BaobabException(TenderingErrorCode.QUESTIONS_CLOSED, "—");
        }
        Instant now = clock.instant();
        Instant limit = row.notice().dates().clarificationDeadline();
        if (limit != null && !now.isBefore(limit)) {
            throw new BaobabException(TenderingErrorCode.QUESTIONS_CLOSED, limit);
        }
        if (question.isBlank()) {
            throw new BaobabException(TenderingErrorCode.REQUIRED, "question");
        }
        UUID id = UUID.randomUUID();
        questions.insert(id, row.id(), supplier.organisationId(), actor.email(), limit(question.strip()), now);
        followers.follow(row.id(), actor.id(), now);
        events.publishEvent(
                new QuestionAsked(actor.email(), supplier.organisationId().toString(), row.ocid(), id.toString()));
        return id;
    }

    /**
     * The user follows a published notice: they will be told by mail of its addenda, answers and cancellation. Asking a
     * question follows the notice too.
     */
    @Transactional
    public void follow(CurrentUser actor, String ocid) {
        Row row = store.rowByOcid(ocid).filter(r -> r.publishedAt() != null).orElseThrow(() -> unknown(ocid));
        if (row.status() == ProcessStatus.CANCELLED) {
            throw new BaobabException(TenderingErrorCode.WRONG_STATUS, row.status(), "follow");
        }
        followers.follow(row.id(), actor.id(), clock.instant());
    }

    @Transactional
    public void unfollow(CurrentUser actor, String ocid) {
        Row row = store.rowByOcid(ocid).orElseThrow(() -> unknown(ocid));
        followers.unfollow(row.id(), actor.id());
    }

    /** The authority answers a question; question and answer are then public, without the asker's identity. */
    @Transactional
    public void answer(CurrentUser actor, UUID processId, UUID questionId, String answer) {
        Row row = lockForStaff(store, actor, processId, Role.BUYER, Role.PRM);
        requireStatus(row, "answer", ProcessStatus.PUBLISHED, ProcessStatus.CLOSED);
        if (answer.isBlank()) {
            throw new BaobabException(TenderingErrorCode.REQUIRED, "answer");
        }
        if (!questions.answer(processId, questionId, limit(answer.strip()), actor.email(), clock.instant())) {
            throw new BaobabException(TenderingErrorCode.UNKNOWN_QUESTION, questionId);
        }
        store.touch(processId, clock.instant());
        ocds.clarified(views.view(processId).orElseThrow(), packs.pack(new CountryCode(row.country())));
        events.publishEvent(
                new QuestionAnswered(actor.email(), row.authorityId().toString(), row.ocid(), questionId.toString()));
    }
}
