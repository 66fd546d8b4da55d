// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.baobab.bidding.Bids;
import org.baobab.bidding.SubmittedEnvelope;
import org.baobab.evaluation.internal.EvaluationStore;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.OpeningSession;
import org.baobab.rules.RequiredDocument;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.Role;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.ProcessView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The start of an evaluation (docs/evaluation.md): the PRM starts it once the opening minutes are published, fixing the
 * technical criteria, the weights and the pass mark ({@link EvaluationSetup}); the administrative criteria come from
 * the notice's required documents; the committee and the bidders come from the first opening session.
 */
@Service
public class EvaluationStart {

    private final EvaluationContext context;
    private final Bids bids;
    private final RulePacks packs;

    EvaluationStart(EvaluationContext context, Bids bids, RulePacks packs) {
        this.context = context;
        this.bids = bids;
        this.packs = packs;
    }

    @Transactional
    public Evaluation start(CurrentUser actor, String ocid, EvaluationSetup setup) {
        ProcessView process = context.process(ocid);
        if (!actor.hasRoleIn(process.authorityId(), Role.PRM)) {
            throw new BaobabException(EvaluationErrorCode.NOT_PRM);
        }
        EvaluationStore store = context.store();
        if (store.find(ocid).isPresent()) {
            throw new BaobabException(EvaluationErrorCode.ALREADY_STARTED);
        }
        OpeningSession opening =
                context.firstSession(ocid).orElseThrow(() -> new BaobabException(EvaluationErrorCode.OPENING_NOT_DONE));
        NoticeDraft notice = process.notice();
        String method = notice.awardCriteria();
        boolean twoStage = Bids.kinds(notice).contains(Bids.TECHNICAL);
        List<Evaluation.Criterion> criteria = new ArrayList<>(administrative(process));
        criteria.addAll(setup.technicalCriteria());
        setup.check(method, criteria);
        BigDecimal low = setup.lowBid();
        Instant now = context.now();
        UUID id = UUID.randomUUID();
        store.insert(new EvaluationStore.Row(
                id,
                ocid,
                process.country(),
                process.authorityId(),
                method,
                twoStage,
                setup.technicalWeight(),
                setup.passMark(),
                low,
                Stage.TECHNICAL.code(),
                actor.email(),
                now));
        for (int i = 0; i < criteria.size(); i++) {
            store.insertCriterion(id, i + 1, criteria.get(i));
        }
        for (OpeningSession.Member m : opening.members()) {
            store.insertMember(id, m.userId(), m.position(), m.name());
        }
        List<SubmittedEnvelope> envelopes = bids.envelopes(ocid);
        Map<UUID, SubmittedEnvelope> byId = new HashMap<>();
        envelopes.forEach(env -> byId.put(env.id(), env));
        int bidders = 0;
        for (OpeningSession.Reading r : opening.readings()) {
            SubmittedEnvelope env = byId.get(r.envelopeId());
            if (env == null || r.failure() != null) {
                continue;
            }
            UUID financial = twoStage
                    ? envelopes.stream()
                            .filter(f -> f.organisationId().equals(env.organisationId())
                                    && f.kind().equals(Bids.FINANCIAL)
                                    && f.state() == SubmittedEnvelope.State.CURRENT)
                            .map(SubmittedEnvelope::id)
                            .findFirst()
                            .orElse(null)
                    : null;
            store.insertBidder(
                    id,
                    new Evaluation.Bidder(
                            env.organisationId(),
                            env.supplierName(),
                            env.id(),
                            financial,
                            env.lots(),
                            env.receivedAt()));
            bidders++;
        }
        context.publish(
                actor,
                "evaluation.started",
                ocid,
                Map.of("method", method, "twoStage", twoStage, "criteria", criteria.size(), "bidders", bidders));
        return context.find(ocid).orElseThrow();
    }

    /** The bid form, each document the notice requires (named by the pack), and the bid security if asked for. */
    private List<Evaluation.Criterion> administrative(ProcessView process) {
        NoticeDraft notice = process.notice();
        Locale language = Locale.forLanguageTag(notice.language());
        RulePack pack = packs.find(process.country()).orElse(null);
        List<Evaluation.Criterion> criteria = new ArrayList<>();
        criteria.add(
                new Evaluation.Criterion("FORM", "admin", context.text("evaluation.criterion.form", language), null));
        for (String code : notice.requiredDocuments()) {
            String label = pack == null
                    ? code
                    : pack.requiredDocuments().stream()
                            .filter(d -> d.code().equals(code))
                            .map(RequiredDocument::name)
                            .map(n -> n.in(language))
                            .findFirst()
                            .orElse(code);
            criteria.add(new Evaluation.Criterion("DOC:" + code, "admin", label, null));
        }
        if (!notice.value().bidSecurity().isBlank()
                && !notice.requiredDocuments().contains("GARANTIE_SOUMISSION")) {
            criteria.add(new Evaluation.Criterion(
                    "BID_SECURITY", "admin", context.text("evaluation.criterion.bid-security", language), null));
        }
        return criteria;
    }
}
