// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.OpeningSession;
import org.baobab.opening.OpeningSessions;
import org.baobab.shared.BaobabException;
import org.baobab.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The financial examination (docs/evaluation.md): in a two-envelope procedure the PRM first opens the financial
 * envelopes of the qualified bidders only; the committee then records, lot by lot, the arithmetic corrections with
 * their reason, the pack's preference margins and the decision on abnormally low prices.
 */
@Service
public class FinancialExamination {

    private final EvaluationContext context;
    private final OpeningSessions sessions;

    FinancialExamination(EvaluationContext context, OpeningSessions sessions) {
        this.context = context;
        this.sessions = sessions;
    }

    /**
     * The committee's financial examination of a bid's lot.
     *
     * @param corrected the amount after arithmetic corrections and rebate; null keeps the amount read less the rebate
     * @param marginCode the pack's preference margin the bid holds, or null
     * @param lowDecision for a price flagged abnormally low: {@code accepted} (justified) or {@code rejected}
     */
    public record PriceInput(
            @Nullable BigDecimal corrected,
            String correctionReason,
            @Nullable String marginCode,
            @Nullable String lowDecision,
            String lowReason) {}

    /**
     * Two envelopes: the PRM opens the second session, for the financial envelopes of the technically qualified
     * bidders only; the others are never opened.
     */
    @Transactional
    public OpeningSession openFinancial(CurrentUser actor, String ocid) {
        Evaluation e = context.lock(ocid).evaluation();
        if (!actor.hasRoleIn(e.authorityId(), Role.PRM)) {
            throw new BaobabException(EvaluationErrorCode.NOT_PRM);
        }
        e.stage().require(Stage.FINANCIAL_OPENING);
        List<UUID> envelopes = e.bidders().stream()
                .filter(b -> ResultCalculator.qualified(e, b) && b.financialEnvelope() != null)
                .map(Evaluation.Bidder::financialEnvelope)
                .map(Objects::requireNonNull)
                .toList();
        OpeningSession session = sessions.startFinancial(actor, ocid, envelopes);
        context.publish(
                actor,
                "evaluation.financial-opening",
                ocid,
                Map.of("envelopes", envelopes.stream().map(UUID::toString).toList()));
        return session;
    }

    /** The committee records the financial examination of a bid's lot. */
    @Transactional
    public void price(CurrentUser actor, String ocid, UUID companyId, String lot, PriceInput input) {
        EvaluationContext.Locked locked = context.lock(ocid);
        Evaluation e = locked.evaluation();
        Quorum.settler(e, actor.id());
        context.requirePricesKnown(locked);
        Evaluation.Bidder bidder = e.bidder(companyId);
        if (bidder == null || !ResultCalculator.qualified(e, bidder)) {
            throw new BaobabException(EvaluationErrorCode.NO_SUCH_BIDDER);
        }
        OpeningSession.Lot read =
                context.prices(e).getOrDefault(companyId, Map.of()).get(lot);
        BigDecimal readAmount = read == null ? null : Ranking.amount(read.amount());
        if (read == null || readAmount == null) {
            throw new BaobabException(EvaluationErrorCode.BAD_PRICE);
        }
        BigDecimal expected = Ranking.afterRebate(readAmount, read.rebate());
        BigDecimal corrected = input.corrected() == null ? expected : input.corrected();
        String reason = input.correctionReason().strip();
        if (corrected.signum() < 0 || reason.length() > Settlement.MAX_TEXT) {
            throw new BaobabException(EvaluationErrorCode.BAD_PRICE);
        }
        if (corrected.compareTo(expected) != 0 && reason.isEmpty()) {
            throw new BaobabException(EvaluationErrorCode.BAD_PRICE);
        }
        String margin = input.marginCode() == null || input.marginCode().isBlank() ? null : input.marginCode();
        if (margin != null
                && context.margins(e.country()).stream().noneMatch(m -> m.code().equals(margin))) {
            throw new BaobabException(EvaluationErrorCode.UNKNOWN_MARGIN, margin);
        }
        String decision = input.lowDecision() == null || input.lowDecision().isBlank() ? null : input.lowDecision();
        if (decision != null && !Set.of("accepted", "rejected").contains(decision)) {
            throw new BaobabException(EvaluationErrorCode.BAD_PRICE);
        }
        String lowReason = input.lowReason().strip();
        if (decision != null && lowReason.isEmpty()) {
            throw new BaobabException(EvaluationErrorCode.REASON_REQUIRED);
        }
        if (lowReason.length() > Settlement.MAX_TEXT) {
            throw new BaobabException(EvaluationErrorCode.BAD_PRICE);
        }
        context.store()
                .price(
                        locked.id(),
                        new Evaluation.Price(
                                companyId,
                                lot,
                                corrected.setScale(Ranking.SCALE, RoundingMode.HALF_UP),
                                reason,
                                margin,
                                decision,
                                lowReason),
                        actor.email(),
                        context.now());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("company", companyId.toString());
        payload.put("lot", lot);
        payload.put("read", readAmount.toPlainString());
        payload.put("corrected", corrected.toPlainString());
        payload.put("reason", reason);
        payload.put("margin", margin == null ? "" : margin);
        payload.put("low", decision == null ? "" : decision);
        context.publish(actor, "evaluation.priced", ocid, payload);
    }
}
