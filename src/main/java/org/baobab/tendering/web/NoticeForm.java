// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.baobab.rules.Cpv;
import org.baobab.rules.Nature;
import org.baobab.tendering.NoticeDraft;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The notice form as the browser sends it: dates and times in the country's local time ({@code datetime-local}
 * inputs), lots as indexed rows. Converted to a {@link NoticeDraft} with absolute instants.
 */
public class NoticeForm {

    public static final int EMPTY_LOT_ROWS = 2;

    private String reference = "";
    private String title = "";
    private String description = "";
    private String buyerCategory = "";
    private Nature nature = Nature.GOODS;
    private @Nullable String scope;
    private String procedureCode = "";
    private boolean international;
    private String language = "fr";
    private String currency = "";
    private @Nullable BigDecimal estimatedValue;
    private boolean valuePublic = true;
    private String eligibility = "";
    private String evaluationCriteria = "";
    private String awardCriteria = "priceOnly";
    private String bidSecurity = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private @Nullable LocalDateTime clarificationDeadline;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private @Nullable LocalDateTime submissionDeadline;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private @Nullable LocalDateTime openingAt;

    private String openingPlace = "";
    private String contactName = "";
    private String contactEmail = "";
    private String contactPhone = "";
    private List<String> requiredDocuments = new ArrayList<>();
    private String classification = "";
    private List<LotForm> lots = new ArrayList<>();
    private String outOfPlanReason = "";
    private @Nullable UUID planLine;
    private int version;

    /** One lot row. */
    public static class LotForm {
        private String title = "";
        private String description = "";
        private @Nullable BigDecimal estimatedValue;
        private String bidSecurity = "";

        public String getTitle() {
            return title;
        }

        public void setTitle(@Nullable String title) {
            this.title = title == null ? "" : title;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(@Nullable String description) {
            this.description = description == null ? "" : description;
        }

        public @Nullable BigDecimal getEstimatedValue() {
            return estimatedValue;
        }

        public void setEstimatedValue(@Nullable BigDecimal estimatedValue) {
            this.estimatedValue = estimatedValue;
        }

        public String getBidSecurity() {
            return bidSecurity;
        }

        public void setBidSecurity(@Nullable String bidSecurity) {
            this.bidSecurity = bidSecurity == null ? "" : bidSecurity;
        }
    }

    public NoticeDraft toDraft(ZoneId zone) {
        return new NoticeDraft(
                reference,
                title,
                description,
                language,
                new NoticeDraft.Classification(buyerCategory, nature, scope, cpvCodes(classification)),
                new NoticeDraft.Procedure(
                        procedureCode,
                        international,
                        eligibility,
                        evaluationCriteria,
                        awardCriteria,
                        requiredDocuments),
                new NoticeDraft.Value(currency, estimatedValue, valuePublic, bidSecurity),
                new NoticeDraft.Dates(
                        instant(clarificationDeadline, zone),
                        instant(submissionDeadline, zone),
                        instant(openingAt, zone),
                        openingPlace),
                new NoticeDraft.Contact(contactName, contactEmail, contactPhone),
                lots.stream()
                        .map(l -> new NoticeDraft.Lot(
                                0, l.getTitle(), l.getDescription(), l.getEstimatedValue(), l.getBidSecurity()))
                        .toList());
    }

    /**
     * The codes typed, separated by commas, semicolons or spaces, in their eight-digit form when they have the shape
     * of one (the check digit dropped), as typed otherwise so that the checks can name what is wrong.
     */
    static List<String> cpvCodes(String typed) {
        List<String> codes = new ArrayList<>();
        for (String token : typed.split("[,;\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            String canonical = Cpv.canonical(token);
            String code = canonical == null ? token : canonical;
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    public static NoticeForm of(NoticeDraft n, ZoneId zone, int version) {
        NoticeForm f = new NoticeForm();
        f.reference = n.reference();
        f.title = n.title();
        f.description = n.description();
        f.buyerCategory = n.classification().buyerCategory();
        f.nature = n.classification().nature();
        f.scope = n.classification().scope();
        f.procedureCode = n.procedure().code();
        f.international = n.procedure().international();
        f.language = n.language();
        f.currency = n.value().currency();
        f.estimatedValue = n.value().estimated();
        f.valuePublic = n.value().published();
        f.eligibility = n.procedure().eligibility();
        f.evaluationCriteria = n.procedure().evaluationCriteria();
        f.awardCriteria = n.procedure().awardCriteria();
        f.bidSecurity = n.value().bidSecurity();
        f.clarificationDeadline = local(n.dates().clarificationDeadline(), zone);
        f.submissionDeadline = local(n.dates().submissionDeadline(), zone);
        f.openingAt = local(n.dates().openingAt(), zone);
        f.openingPlace = n.dates().openingPlace();
        f.contactName = n.contact().name();
        f.contactEmail = n.contact().email();
        f.contactPhone = n.contact().phone();
        f.requiredDocuments = new ArrayList<>(n.procedure().requiredDocuments());
        f.classification = String.join(", ", n.classification().cpv());
        f.lots = new ArrayList<>();
        for (NoticeDraft.Lot lot : n.lots()) {
            LotForm l = new LotForm();
            l.setTitle(lot.title());
            l.setDescription(lot.description());
            l.setEstimatedValue(lot.estimatedValue());
            l.setBidSecurity(lot.bidSecurity());
            f.lots.add(l);
        }
        f.version = version;
        return f;
    }

    /** Adds empty lot rows so that a page without JavaScript can add lots. */
    public NoticeForm withEmptyLotRows() {
        for (int i = 0; i < EMPTY_LOT_ROWS; i++) {
            lots.add(new LotForm());
        }
        return this;
    }

    private static @Nullable Instant instant(@Nullable LocalDateTime local, ZoneId zone) {
        return local == null ? null : local.atZone(zone).toInstant();
    }

    private static @Nullable LocalDateTime local(@Nullable Instant instant, ZoneId zone) {
        return instant == null
                ? null
                : LocalDateTime.ofInstant(instant, zone).withSecond(0).withNano(0);
    }

    public String getReference() {
        return reference;
    }

    public void setReference(@Nullable String reference) {
        this.reference = reference == null ? "" : reference;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title == null ? "" : title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description == null ? "" : description;
    }

    public String getBuyerCategory() {
        return buyerCategory;
    }

    public void setBuyerCategory(@Nullable String buyerCategory) {
        this.buyerCategory = buyerCategory == null ? "" : buyerCategory;
    }

    public Nature getNature() {
        return nature;
    }

    public void setNature(Nature nature) {
        this.nature = nature;
    }

    public @Nullable String getScope() {
        return scope;
    }

    public void setScope(@Nullable String scope) {
        this.scope = scope;
    }

    public String getProcedureCode() {
        return procedureCode;
    }

    public void setProcedureCode(@Nullable String procedureCode) {
        this.procedureCode = procedureCode == null ? "" : procedureCode;
    }

    public boolean isInternational() {
        return international;
    }

    public void setInternational(boolean international) {
        this.international = international;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(@Nullable String language) {
        this.language = language == null ? "fr" : language;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(@Nullable String currency) {
        this.currency = currency == null ? "" : currency;
    }

    public @Nullable BigDecimal getEstimatedValue() {
        return estimatedValue;
    }

    public void setEstimatedValue(@Nullable BigDecimal estimatedValue) {
        this.estimatedValue = estimatedValue;
    }

    public boolean isValuePublic() {
        return valuePublic;
    }

    public void setValuePublic(boolean valuePublic) {
        this.valuePublic = valuePublic;
    }

    public String getEligibility() {
        return eligibility;
    }

    public void setEligibility(@Nullable String eligibility) {
        this.eligibility = eligibility == null ? "" : eligibility;
    }

    public String getEvaluationCriteria() {
        return evaluationCriteria;
    }

    public void setEvaluationCriteria(@Nullable String evaluationCriteria) {
        this.evaluationCriteria = evaluationCriteria == null ? "" : evaluationCriteria;
    }

    public String getAwardCriteria() {
        return awardCriteria;
    }

    public void setAwardCriteria(@Nullable String awardCriteria) {
        this.awardCriteria = awardCriteria == null ? "priceOnly" : awardCriteria;
    }

    public String getBidSecurity() {
        return bidSecurity;
    }

    public void setBidSecurity(@Nullable String bidSecurity) {
        this.bidSecurity = bidSecurity == null ? "" : bidSecurity;
    }

    public @Nullable LocalDateTime getClarificationDeadline() {
        return clarificationDeadline;
    }

    public void setClarificationDeadline(@Nullable LocalDateTime clarificationDeadline) {
        this.clarificationDeadline = clarificationDeadline;
    }

    public @Nullable LocalDateTime getSubmissionDeadline() {
        return submissionDeadline;
    }

    public void setSubmissionDeadline(@Nullable LocalDateTime submissionDeadline) {
        this.submissionDeadline = submissionDeadline;
    }

    public @Nullable LocalDateTime getOpeningAt() {
        return openingAt;
    }

    public void setOpeningAt(@Nullable LocalDateTime openingAt) {
        this.openingAt = openingAt;
    }

    public String getOpeningPlace() {
        return openingPlace;
    }

    public void setOpeningPlace(@Nullable String openingPlace) {
        this.openingPlace = openingPlace == null ? "" : openingPlace;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(@Nullable String contactName) {
        this.contactName = contactName == null ? "" : contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(@Nullable String contactEmail) {
        this.contactEmail = contactEmail == null ? "" : contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(@Nullable String contactPhone) {
        this.contactPhone = contactPhone == null ? "" : contactPhone;
    }

    public String getClassification() {
        return classification;
    }

    /** The codes typed, one by one, to show each with its label. */
    public List<String> getClassificationCodes() {
        return cpvCodes(classification);
    }

    public void setClassification(@Nullable String classification) {
        this.classification = classification == null ? "" : classification;
    }

    public List<String> getRequiredDocuments() {
        return requiredDocuments;
    }

    public void setRequiredDocuments(@Nullable List<String> requiredDocuments) {
        this.requiredDocuments = requiredDocuments == null ? new ArrayList<>() : requiredDocuments;
    }

    public List<LotForm> getLots() {
        return lots;
    }

    public void setLots(@Nullable List<LotForm> lots) {
        this.lots = lots == null ? new ArrayList<>() : lots;
    }

    public String getOutOfPlanReason() {
        return outOfPlanReason;
    }

    public void setOutOfPlanReason(@Nullable String outOfPlanReason) {
        this.outOfPlanReason = outOfPlanReason == null ? "" : outOfPlanReason;
    }

    /** The published plan line the new process launches, or null for a process outside the plan. */
    public @Nullable UUID getPlanLine() {
        return planLine;
    }

    public void setPlanLine(@Nullable UUID planLine) {
        this.planLine = planLine;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
