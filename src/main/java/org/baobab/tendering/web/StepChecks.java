// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.baobab.rules.RulePack;
import org.baobab.tendering.Finding;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.internal.NoticeChecks;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.Errors;

/**
 * Checks one step of the notice editor as the buyer leaves it and reports every error of the step at once, each on
 * its field and named by the field's label in the reader's language. The rule-pack checks are those of
 * {@link NoticeChecks} (the ones that block submission and publication), kept to the fields of the step; the form's
 * own checks (lengths, amounts, e-mail, lot rows) come first.
 */
final class StepChecks {

    /** Each field of the editor: its step and the bundle key of its label. */
    record Field(NoticeStep step, String label) {}

    static final Map<String, Field> FIELDS = Map.ofEntries(
            Map.entry("outOfPlanReason", new Field(NoticeStep.WHAT, "buyer.out-of-plan-reason")),
            Map.entry("reference", new Field(NoticeStep.WHAT, "tendering.field.reference")),
            Map.entry("title", new Field(NoticeStep.WHAT, "tendering.field.title")),
            Map.entry("description", new Field(NoticeStep.WHAT, "tendering.field.description")),
            Map.entry("buyerCategory", new Field(NoticeStep.WHAT, "buyer.buyer-category")),
            Map.entry("procedureCode", new Field(NoticeStep.WHAT, "notice.procedure")),
            Map.entry("classification", new Field(NoticeStep.WHAT, "buyer.cpv")),
            Map.entry("estimatedValue", new Field(NoticeStep.WHAT, "notice.value")),
            Map.entry("currency", new Field(NoticeStep.WHAT, "buyer.currency")),
            Map.entry("language", new Field(NoticeStep.WHAT, "buyer.language")),
            Map.entry("clarificationDeadline", new Field(NoticeStep.DATES, "tendering.field.clarification-deadline")),
            Map.entry("submissionDeadline", new Field(NoticeStep.DATES, "tendering.field.submission-deadline")),
            Map.entry("openingAt", new Field(NoticeStep.DATES, "tendering.field.opening-at")),
            Map.entry("openingPlace", new Field(NoticeStep.DATES, "tendering.field.opening-place")),
            Map.entry("contactEmail", new Field(NoticeStep.DATES, "tendering.field.contact-email")),
            Map.entry("contactName", new Field(NoticeStep.DATES, "buyer.contact-name")),
            Map.entry("contactPhone", new Field(NoticeStep.DATES, "buyer.contact-phone")),
            Map.entry("requiredDocuments", new Field(NoticeStep.DATES, "buyer.required-documents")),
            Map.entry("awardCriteria", new Field(NoticeStep.DATES, "buyer.award-criteria")),
            Map.entry("bidSecurity", new Field(NoticeStep.DATES, "notice.bid-security")));

    /** The blocking findings of the notice checks, by the field they concern. */
    private static final Map<String, String> FINDING_FIELDS = Map.ofEntries(
            Map.entry("check.deadline-past", "submissionDeadline"),
            Map.entry("check.bid-period", "submissionDeadline"),
            Map.entry("check.opening-before-deadline", "openingAt"),
            Map.entry("check.clarification-after-deadline", "clarificationDeadline"),
            Map.entry("check.unknown-procedure", "procedureCode"),
            Map.entry("check.procedure-band", "procedureCode"),
            Map.entry("check.unknown-buyer-category", "buyerCategory"),
            Map.entry("check.unknown-required-document", "requiredDocuments"),
            Map.entry("check.unknown-cpv", "classification"),
            Map.entry("check.too-many-cpv", "classification"));

    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private StepChecks() {}

    /**
     * Checks the step's fields of the form.
     *
     * @param outsidePlan whether the form opens a new process outside the plan (its reason is then required)
     * @param today the country's today, the publication day the bid period counts from
     */
    static void check(
            NoticeStep step,
            NoticeForm form,
            RulePack pack,
            boolean outsidePlan,
            LocalDate today,
            Instant now,
            Errors errors) {
        switch (step) {
            case WHAT -> what(form, outsidePlan, errors);
            case LOTS -> lots(form, errors);
            case DATES -> dates(form, errors);
            default -> {}
        }
        ZoneId zone = pack.timeZone();
        NoticeChecks.Outcome outcome = NoticeChecks.check(pack, form.toDraft(zone), today, now);
        for (Finding finding : outcome.findings()) {
            if (!finding.blocking()) {
                continue;
            }
            String field = field(finding);
            if (field == null || FIELDS.get(field).step() != step || errors.hasFieldErrors(field)) {
                continue;
            }
            if (finding.messageKey().equals("check.required")) {
                reject(errors, field, "wizard.error.required");
            } else {
                reject(errors, field, "wizard.error.rule", resolvable(finding.messageKey(), finding.arguments()));
            }
        }
    }

    private static void what(NoticeForm form, boolean outsidePlan, Errors errors) {
        if (outsidePlan) {
            required(errors, "outOfPlanReason", form.getOutOfPlanReason(), Tendering.MAX_TEXT);
        }
        required(errors, "reference", form.getReference(), 100);
        required(errors, "title", form.getTitle(), 500);
        required(errors, "description", form.getDescription(), Tendering.MAX_TEXT);
        positive(errors, "estimatedValue", form.getEstimatedValue());
        if (!form.getCurrency().strip().matches("[A-Za-z]{3}")) {
            reject(errors, "currency", "wizard.error.currency");
        }
        if (!NoticeDraft.LANGUAGES.contains(form.getLanguage())) {
            reject(errors, "language", "wizard.error.choose");
        }
    }

    private static void lots(NoticeForm form, Errors errors) {
        List<NoticeForm.LotForm> lots = form.getLots();
        for (int i = 0; i < lots.size(); i++) {
            NoticeForm.LotForm lot = lots.get(i);
            String prefix = "lots[" + i + "].";
            Object label = new DefaultMessageSourceResolvable(
                    new String[] {"buyer.lot-field"},
                    new Object[] {i + 1, new DefaultMessageSourceResolvable("notice.lot.title")});
            boolean blank = lot.getTitle().isBlank();
            if (blank && (!lot.getDescription().isBlank() || lot.getEstimatedValue() != null)) {
                errors.rejectValue(prefix + "title", "wizard.error.lot-title", new Object[] {label}, null);
            }
            if (lot.getTitle().length() > 500) {
                errors.rejectValue(prefix + "title", "wizard.error.too-long", new Object[] {label, 500}, null);
            }
            BigDecimal value = lot.getEstimatedValue();
            if (value != null && value.signum() <= 0) {
                Object valueLabel = new DefaultMessageSourceResolvable(
                        new String[] {"buyer.lot-field"},
                        new Object[] {i + 1, new DefaultMessageSourceResolvable("notice.value")});
                errors.rejectValue(prefix + "estimatedValue", "wizard.error.positive", new Object[] {valueLabel}, null);
            }
        }
    }

    private static void dates(NoticeForm form, Errors errors) {
        String email = form.getContactEmail().strip();
        if (!email.isEmpty() && !email.matches(EMAIL)) {
            reject(errors, "contactEmail", "wizard.error.email");
        }
        if (!NoticeDraft.AWARD_CRITERIA.contains(form.getAwardCriteria())) {
            reject(errors, "awardCriteria", "wizard.error.choose");
        }
        tooLong(errors, "openingPlace", form.getOpeningPlace(), 500);
        tooLong(errors, "contactName", form.getContactName(), 200);
        tooLong(errors, "contactPhone", form.getContactPhone(), 50);
        tooLong(errors, "bidSecurity", form.getBidSecurity(), 1000);
    }

    private static String field(Finding finding) {
        if (finding.messageKey().equals("check.required")) {
            String label = String.valueOf(finding.arguments().get(0));
            return FIELDS.entrySet().stream()
                    .filter(e -> e.getValue().label().equals(label))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
        }
        return FINDING_FIELDS.get(finding.messageKey());
    }

    private static void required(Errors errors, String field, String value, int max) {
        if (value.isBlank()) {
            reject(errors, field, "wizard.error.required");
        } else {
            tooLong(errors, field, value, max);
        }
    }

    private static void tooLong(Errors errors, String field, String value, int max) {
        if (value.strip().length() > max) {
            reject(errors, field, "wizard.error.too-long", max);
        }
    }

    private static void positive(Errors errors, String field, BigDecimal value) {
        if (value != null && value.signum() <= 0) {
            reject(errors, field, "wizard.error.positive");
        }
    }

    /** Rejects the field with a message whose first argument is the field's label, in the reader's language. */
    private static void reject(Errors errors, String field, String code, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = new DefaultMessageSourceResolvable(FIELDS.get(field).label());
        System.arraycopy(more, 0, args, 1, more.length);
        errors.rejectValue(field, code, args, null);
    }

    private static DefaultMessageSourceResolvable resolvable(String key, List<Object> arguments) {
        Object[] args = arguments.stream()
                .map(a -> a instanceof String s && s.startsWith("tendering.field.")
                        ? new DefaultMessageSourceResolvable(s)
                        : a)
                .toArray();
        return new DefaultMessageSourceResolvable(new String[] {key}, args, key);
    }
}
