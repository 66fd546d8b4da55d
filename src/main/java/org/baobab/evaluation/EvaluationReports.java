// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.baobab.award.Awards;
import org.baobab.evaluation.internal.EvaluationStore;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation report (docs/evaluation.md): generated from the settled marks and prices (its result frozen as JSON),
 * regenerated while nobody approved it, approved by each member free of conflict; the last approval hands the
 * recommendation ({@link Recommendations}) to the award, in the same transaction.
 */
@Service
public class EvaluationReports {

    private final EvaluationContext context;
    private final Awards awards;
    private final JsonMapper json = JsonMapper.builder().build();

    EvaluationReports(EvaluationContext context, Awards awards) {
        this.context = context;
        this.awards = awards;
    }

    /** The report as generated, with who approved it (by position). */
    public record Report(
            UUID id,
            EvaluationResult result,
            String generatedBy,
            Instant generatedAt,
            @Nullable Instant approvedAt,
            Map<Integer, Instant> approvals) {

        public Report {
            approvals = Map.copyOf(approvals);
        }

        public boolean approvedBy(int position) {
            return approvals.containsKey(position);
        }
    }

    /** The report, if generated. */
    @Transactional(readOnly = true)
    public Optional<Report> report(String ocid) {
        EvaluationStore store = context.store();
        return store.find(ocid).flatMap(row -> store.report(row.id()).map(this::report));
    }

    /** The report's frozen result, as stored (JSON), for the PDF's attachment. */
    @Transactional(readOnly = true)
    public String reportJson(String ocid) {
        EvaluationStore store = context.store();
        return store.find(ocid)
                .flatMap(row -> store.report(row.id()))
                .map(EvaluationStore.ReportRow::content)
                .orElseThrow(EvaluationContext::notStarted);
    }

    /** Generates (or, while nobody approved it, regenerates) the report from the settled marks and prices. */
    @Transactional
    public Report generate(CurrentUser actor, String ocid) {
        EvaluationContext.Locked locked = context.lock(ocid);
        Evaluation e = locked.evaluation();
        EvaluationStore store = context.store();
        Quorum.settler(e, actor.id());
        boolean approvalsGiven = e.stage() == Stage.REPORT
                && !store.approvals(store.report(locked.id()).orElseThrow().id())
                        .isEmpty();
        Stage next = e.stage().generate(approvalsGiven);
        EvaluationResult result = context.compute(e, context.process(ocid));
        for (EvaluationResult.LotLine lot : result.lots()) {
            for (EvaluationResult.LotBid bid : lot.bids()) {
                if (bid.low() && bid.lowDecision() == null) {
                    throw new BaobabException(EvaluationErrorCode.INCOMPLETE, bid.name() + " — " + lot.lot());
                }
            }
        }
        UUID report = store.saveReport(locked.id(), write(result), actor.email(), context.now());
        context.stage(locked, next);
        context.publish(
                actor,
                "evaluation.report-generated",
                ocid,
                Map.of(
                        "report",
                        report.toString(),
                        "winners",
                        result.lots().stream()
                                .map(l -> l.lot() + ":" + (l.winnerId() == null ? "" : l.winnerId()))
                                .toList()));
        return report(store.report(locked.id()).orElseThrow());
    }

    /**
     * A member who evaluated approves the report; when every member free of conflict has, the report is approved and
     * its recommendation goes to the award in this transaction.
     */
    @Transactional
    public Report approve(CurrentUser actor, String ocid) {
        EvaluationContext.Locked locked = context.lock(ocid);
        Evaluation e = locked.evaluation();
        EvaluationStore store = context.store();
        Evaluation.Member member = Quorum.settler(e, actor.id());
        e.stage().require(Stage.REPORT);
        EvaluationStore.ReportRow report = store.report(locked.id()).orElseThrow();
        Instant now = context.now();
        if (!store.approve(report.id(), actor.id(), member.position(), now)) {
            throw new BaobabException(EvaluationErrorCode.ALREADY_APPROVED);
        }
        context.publish(actor, "evaluation.report-approved-by", ocid, Map.of("position", member.position()));
        Set<UUID> approved = store.approvals(report.id()).stream()
                .map(EvaluationStore.ApprovalRow::userId)
                .collect(Collectors.toSet());
        if (Quorum.allApproved(e, approved)) {
            store.reportApproved(report.id(), now);
            context.stage(locked, e.stage().approve());
            EvaluationResult result = read(report.content());
            boolean withoutLots = context.process(ocid).notice().lots().isEmpty();
            awards.recommend(Recommendations.of(e, report.id(), result, now, withoutLots));
            context.publish(
                    actor,
                    "evaluation.report-approved",
                    ocid,
                    Map.of("report", report.id().toString()));
        }
        return report(store.report(locked.id()).orElseThrow());
    }

    private Report report(EvaluationStore.ReportRow row) {
        Map<Integer, Instant> approvals = new LinkedHashMap<>();
        context.store().approvals(row.id()).forEach(a -> approvals.put(a.position(), a.approvedAt()));
        return new Report(
                row.id(), read(row.content()), row.generatedBy(), row.generatedAt(), row.approvedAt(), approvals);
    }

    private String write(EvaluationResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JacksonException e) {
            throw new IllegalStateException("The evaluation result does not serialise", e);
        }
    }

    private EvaluationResult read(String content) {
        try {
            return json.readValue(content, EvaluationResult.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("The stored evaluation report does not read", e);
        }
    }
}
