// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.baobab.rules.BuyerCategory;
import org.baobab.rules.Cpv;
import org.baobab.rules.Deadline;
import org.baobab.rules.LegalBasis;
import org.baobab.rules.Procedure;
import org.baobab.rules.ProcurementMethod;
import org.baobab.rules.RulePack;
import org.baobab.rules.Threshold;
import org.baobab.rules.ThresholdPurpose;
import org.baobab.rules.TimeLimit;
import org.baobab.tendering.Finding;
import org.baobab.tendering.Finding.Severity;
import org.baobab.tendering.NoticeDraft;
import org.jspecify.annotations.Nullable;

/**
 * Checks a notice against the country's rule pack and against plain sense (a deadline before the opening, an answer
 * date before the deadline). A rule the pack marks verified blocks; an unverified one, or a rule the pack does not
 * hold, only warns (ARCHITECTURE.md, "Rules are data"). Every finding from the pack names its legal basis.
 */
public final class NoticeChecks {

    /** Pack time-limit codes of the minimum bid period (publication to deadline), national and international. */
    public static final String MIN_BID_PERIOD_NATIONAL = "MIN_BID_PERIOD_NATIONAL";

    public static final String MIN_BID_PERIOD_INTERNATIONAL = "MIN_BID_PERIOD_INTERNATIONAL";

    private NoticeChecks() {}

    /** CPV codes must exist; without any, suppliers' categories and alerts by field cannot find the notice. */
    private static void classification(List<Finding> findings, NoticeDraft notice) {
        if (notice.classification().cpv().isEmpty()) {
            findings.add(new Finding(Severity.WARNING, "check.no-cpv", List.of(), null));
        }
        for (String code : notice.classification().cpv()) {
            if (!Cpv.isCode(code)) {
                findings.add(error("check.unknown-cpv", code));
            }
        }
        if (notice.classification().cpv().size() > NoticeDraft.MAX_CPV_CODES) {
            findings.add(error("check.too-many-cpv", String.valueOf(NoticeDraft.MAX_CPV_CODES)));
        }
    }

    /** What the checks concluded: the findings, and whether the control body must review the notice first. */
    public record Outcome(List<Finding> findings, boolean reviewRequired) {

        public Outcome {
            findings = List.copyOf(findings);
        }

        public long errors() {
            return findings.stream().filter(Finding::blocking).count();
        }
    }

    /**
     * Checks the notice as if published on {@code publicationDay} (the country's today for a draft).
     *
     * @param now the server's clock, against which deadlines must lie in the future
     */
    public static Outcome check(RulePack pack, NoticeDraft notice, LocalDate publicationDay, Instant now) {
        List<Finding> findings = new ArrayList<>();
        required(findings, notice.reference(), "tendering.field.reference");
        required(findings, notice.title(), "tendering.field.title");
        required(findings, notice.description(), "tendering.field.description");
        required(findings, notice.dates().openingPlace(), "tendering.field.opening-place");
        required(findings, notice.contact().email(), "tendering.field.contact-email");
        if (notice.dates().submissionDeadline() == null) {
            findings.add(error("check.required", "tendering.field.submission-deadline"));
        }
        if (notice.dates().openingAt() == null) {
            findings.add(error("check.required", "tendering.field.opening-at"));
        }
        if (notice.dates().clarificationDeadline() == null) {
            findings.add(error("check.required", "tendering.field.clarification-deadline"));
        }
        if (notice.lots().isEmpty()) {
            findings.add(new Finding(Severity.INFO, "check.single-lot", List.of(), null));
        }
        dates(findings, notice, now);
        Optional<Procedure> procedure = pack.procedure(notice.procedure().code());
        if (procedure.isEmpty()) {
            findings.add(error("check.unknown-procedure", notice.procedure().code()));
        }
        if (!notice.classification().buyerCategory().equals(BuyerCategory.ALL)
                && pack.buyerCategory(notice.classification().buyerCategory()).isEmpty()) {
            findings.add(error(
                    "check.unknown-buyer-category", notice.classification().buyerCategory()));
        }
        if (!notice.value().currency().equals(pack.currency().getCurrencyCode())) {
            findings.add(new Finding(
                    Severity.WARNING,
                    "check.foreign-currency",
                    List.of(notice.value().currency(), pack.currency().getCurrencyCode()),
                    null));
        }
        for (String code : notice.procedure().requiredDocuments()) {
            if (pack.requiredDocuments().stream().noneMatch(d -> d.code().equals(code))) {
                findings.add(error("check.unknown-required-document", code));
            }
        }
        classification(findings, notice);
        BigDecimal value = notice.value().estimated();
        boolean reviewRequired = false;
        if (value == null) {
            findings.add(new Finding(Severity.WARNING, "check.no-estimate", List.of(), null));
        } else {
            procedure.ifPresent(p -> procedureBand(findings, pack, notice, p, value));
            pack.threshold(
                            ThresholdPurpose.OUTSIDE_CODE,
                            notice.classification().buyerCategory(),
                            notice.classification().nature(),
                            notice.classification().scope(),
                            value)
                    .ifPresent(t -> findings.add(new Finding(
                            Severity.WARNING,
                            "check.outside-code",
                            List.of(t.meaning().fr()),
                            basis(t.legalBasis()))));
            Optional<Threshold> review = pack.threshold(
                    ThresholdPurpose.PRIOR_REVIEW,
                    notice.classification().buyerCategory(),
                    notice.classification().nature(),
                    notice.classification().scope(),
                    value);
            if (review.isPresent()) {
                Threshold t = review.get();
                if (t.enforceable()) {
                    reviewRequired = true;
                    findings.add(new Finding(
                            Severity.INFO, "check.prior-review-required", List.of(t.from()), basis(t.legalBasis())));
                } else {
                    findings.add(new Finding(
                            Severity.WARNING,
                            "check.prior-review-unverified",
                            List.of(t.from()),
                            basis(t.legalBasis())));
                }
            }
        }
        bidPeriod(findings, pack, notice, publicationDay);
        return new Outcome(findings, reviewRequired);
    }

    private static void dates(List<Finding> findings, NoticeDraft notice, Instant now) {
        Instant deadline = notice.dates().submissionDeadline();
        Instant opening = notice.dates().openingAt();
        Instant clarification = notice.dates().clarificationDeadline();
        if (deadline != null && !deadline.isAfter(now)) {
            findings.add(error("check.deadline-past"));
        }
        if (deadline != null && opening != null && opening.isBefore(deadline)) {
            findings.add(error("check.opening-before-deadline"));
        }
        if (deadline != null && clarification != null && !clarification.isBefore(deadline)) {
            findings.add(error("check.clarification-after-deadline"));
        }
        if (clarification != null && !clarification.isAfter(now)) {
            findings.add(new Finding(Severity.WARNING, "check.clarification-past", List.of(), null));
        }
    }

    /**
     * The procedure must be at least as open as the one the pack's band asks for at this amount (a more open
     * competition is always allowed).
     */
    private static void procedureBand(
            List<Finding> findings, RulePack pack, NoticeDraft notice, Procedure chosen, BigDecimal value) {
        Optional<Threshold> band = pack.threshold(
                ThresholdPurpose.PROCEDURE,
                notice.classification().buyerCategory(),
                notice.classification().nature(),
                notice.classification().scope(),
                value);
        if (band.isEmpty() || band.get().procedure() == null) {
            findings.add(new Finding(Severity.WARNING, "check.no-procedure-band", List.of(), null));
            return;
        }
        Threshold t = band.get();
        Optional<Procedure> expected = pack.procedure(t.procedure());
        if (expected.isEmpty() || expected.get().code().equals(chosen.code())) {
            return;
        }
        if (openness(chosen.method()) >= openness(expected.get().method())) {
            findings.add(new Finding(
                    Severity.INFO,
                    "check.procedure-more-open",
                    List.of(chosen.code(), expected.get().code()),
                    basis(t.legalBasis())));
            return;
        }
        findings.add(new Finding(
                t.enforceable() ? Severity.ERROR : Severity.WARNING,
                "check.procedure-band",
                List.of(chosen.code(), expected.get().code(), t.from()),
                basis(t.legalBasis())));
    }

    private static int openness(ProcurementMethod method) {
        return switch (method) {
            case OPEN -> 3;
            case SELECTIVE -> 2;
            case LIMITED -> 1;
            case DIRECT -> 0;
        };
    }

    private static void bidPeriod(List<Finding> findings, RulePack pack, NoticeDraft notice, LocalDate publicationDay) {
        String code = notice.procedure().international() ? MIN_BID_PERIOD_INTERNATIONAL : MIN_BID_PERIOD_NATIONAL;
        Optional<TimeLimit> limit = pack.timeLimit(code);
        if (limit.isEmpty()) {
            findings.add(new Finding(Severity.WARNING, "check.no-bid-period", List.of(), null));
            return;
        }
        Instant deadline = notice.dates().submissionDeadline();
        if (deadline == null) {
            return;
        }
        Deadline earliest = pack.lastDay(limit.get(), publicationDay);
        LocalDate deadlineDay = deadline.atZone(pack.timeZone()).toLocalDate();
        if (deadlineDay.isBefore(earliest.lastDay())) {
            findings.add(new Finding(
                    earliest.enforceable() ? Severity.ERROR : Severity.WARNING,
                    "check.bid-period",
                    List.of(limit.get().amount(), limit.get().unit().name(), earliest.lastDay()),
                    basis(limit.get().legalBasis())));
        } else {
            findings.add(new Finding(
                    Severity.INFO,
                    "check.bid-period-ok",
                    List.of(limit.get().amount(), limit.get().unit().name(), earliest.lastDay()),
                    basis(limit.get().legalBasis())));
        }
    }

    private static void required(List<Finding> findings, @Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            findings.add(error("check.required", field));
        }
    }

    private static Finding error(String key, Object... args) {
        return new Finding(Severity.ERROR, key, List.of(args), null);
    }

    static String basis(LegalBasis basis) {
        return basis.article() == null ? basis.text() : basis.text() + ", " + basis.article();
    }
}
