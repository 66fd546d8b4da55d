// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.internal.NoticeStepStore;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The progress of a draft through the guided notice editor: each step a buyer leaves is saved with the notice and
 * marked completed in the same transaction, so that the process page shows the steps done and the work resumes
 * later. The steps themselves (their names and order) belong to the pages; this service only records them.
 */
@Service
public class NoticeSteps {

    private final Tendering tendering;
    private final NoticeStepStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticeSteps(Tendering tendering, NoticeStepStore store, ApplicationEventPublisher events, Clock clock) {
        this.tendering = tendering;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** A buyer completed a step of the notice editor on a draft; journalled with the process. */
    public record StepCompleted(String actor, String organisation, String ocid, String step)
            implements TenderingEvents.AboutProcess {
        @Override
        public String action() {
            return "tendering.notice-step-completed";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("step", step);
        }
    }

    /**
     * Opens a process from the first step of the editor (outside the plan with a reason, or from a published plan
     * line) and marks that step completed. Returns the new process's id.
     */
    @Transactional
    public UUID create(
            CurrentUser actor,
            UUID authorityId,
            @Nullable UUID planLine,
            String outOfPlanReason,
            NoticeDraft notice,
            String step) {
        UUID id = planLine == null
                ? tendering.createOutsidePlan(actor, authorityId, outOfPlanReason, notice)
                : tendering.createFromPlanLine(actor, authorityId, planLine, notice);
        complete(actor, id, step);
        return id;
    }

    /** Saves the notice as the step left it ({@code version}: the one the editor started from) and marks the step. */
    @Transactional
    public void save(CurrentUser actor, UUID processId, int version, NoticeDraft notice, String step) {
        tendering.edit(actor, processId, version, notice);
        complete(actor, processId, step);
    }

    /** Marks a step without fields of its own (documents, committee) completed on a draft. */
    @Transactional
    public void complete(CurrentUser actor, UUID processId, String step) {
        ProcessView process = tendering.forStaff(actor, processId);
        if (process.status() != ProcessStatus.DRAFT) {
            throw new BaobabException(TenderingErrorCode.WRONG_STATUS, process.status(), "edit");
        }
        store.complete(processId, step, actor.email(), clock.instant());
        events.publishEvent(
                new StepCompleted(actor.email(), process.authorityId().toString(), process.ocid(), step));
    }

    /** The steps completed on the process (their names), for its authority's staff. */
    @Transactional(readOnly = true)
    public Set<String> completed(CurrentUser actor, UUID processId) {
        tendering.forStaff(actor, processId);
        return store.completed(processId);
    }
}
