// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Evaluations built by hand for the plain unit tests: no database, no Spring. */
final class EvaluationExamples {

    static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID ONE = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID TWO = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID THREE = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    static final Evaluation.Criterion FORM = new Evaluation.Criterion("FORM", "admin", "Formulaire", null);
    static final Evaluation.Criterion PASS = new Evaluation.Criterion("T1", "pass", "Délai", null);

    private EvaluationExamples() {}

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Evaluation.Criterion scored(String code, String max) {
        return new Evaluation.Criterion(code, "score", "Critère " + code, d(max));
    }

    /** Bidders A, B, C received in that order, one minute apart, each in lot 1 and with a financial envelope. */
    static List<Evaluation.Bidder> bidders(UUID... companies) {
        List<Evaluation.Bidder> bidders = new ArrayList<>();
        for (int i = 0; i < companies.length; i++) {
            UUID c = companies[i];
            bidders.add(new Evaluation.Bidder(
                    c,
                    "Société " + c.toString().substring(35),
                    new UUID(1, i),
                    new UUID(2, i),
                    List.of("1"),
                    T0.plusSeconds(60L * i)));
        }
        return bidders;
    }

    static Evaluation.Member member(UUID user, int position, boolean declared, boolean conflict, boolean submitted) {
        return new Evaluation.Member(
                user, position, "Membre " + position, declared ? T0 : null, conflict, submitted ? T0 : null);
    }

    static Evaluation.Settled passed(UUID company, String code, boolean passed, String reason) {
        return new Evaluation.Settled(company, code, passed, null, reason, false, "membre@example.org");
    }

    static Evaluation.Settled points(UUID company, String code, String points) {
        return new Evaluation.Settled(company, code, null, d(points), "", false, "membre@example.org");
    }

    static Evaluation.Mark mark(
            UUID user, UUID company, String code, @Nullable Boolean passed, @Nullable String points) {
        return new Evaluation.Mark(user, company, code, passed, points == null ? null : d(points), "");
    }

    /** An evaluation with its lists given; two members declared free of conflict and submitted, k = 2. */
    static Evaluation evaluation(
            String method,
            boolean twoStage,
            @Nullable Integer weight,
            @Nullable BigDecimal passMark,
            Stage stage,
            List<Evaluation.Criterion> criteria,
            List<Evaluation.Bidder> bidders,
            List<Evaluation.Settled> settled,
            List<Evaluation.Price> prices) {
        return evaluation(
                method,
                twoStage,
                weight,
                passMark,
                stage,
                2,
                criteria,
                List.of(member(ONE, 1, true, false, true), member(TWO, 2, true, false, true)),
                bidders,
                List.of(),
                settled,
                prices);
    }

    static Evaluation evaluation(
            String method,
            boolean twoStage,
            @Nullable Integer weight,
            @Nullable BigDecimal passMark,
            Stage stage,
            int threshold,
            List<Evaluation.Criterion> criteria,
            List<Evaluation.Member> members,
            List<Evaluation.Bidder> bidders,
            List<Evaluation.Mark> marks,
            List<Evaluation.Settled> settled,
            List<Evaluation.Price> prices) {
        return new Evaluation(
                UUID.fromString("00000000-0000-0000-0000-0000000000ee"),
                "ocds-test-000001",
                "SN",
                UUID.fromString("00000000-0000-0000-0000-0000000000aa"),
                method,
                twoStage,
                weight,
                passMark,
                EvaluationSetup.DEFAULT_LOW_BID_PERCENT,
                stage,
                threshold,
                "prm@example.org",
                T0,
                criteria,
                members,
                bidders,
                marks,
                settled,
                prices);
    }
}
