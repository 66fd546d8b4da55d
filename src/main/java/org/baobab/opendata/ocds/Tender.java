// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

import java.util.List;

/**
 * The tender stage: what is bought, how, by whom, when bids are due, the documents, amendments (addenda) and lots.
 * Codelists: {@code status} tenderStatus ({@code planning}, {@code active}, {@code cancelled}, {@code unsuccessful},
 * {@code complete}, {@code withdrawn}), {@code procurementMethod} ({@code open}, {@code selective}, {@code limited},
 * {@code direct}), {@code mainProcurementCategory} ({@code goods}, {@code works}, {@code services}),
 * {@code submissionMethod} ({@code electronicSubmission}…). Build it with {@link #builder()}.
 */
public record Tender(
        String id,
        String title,
        String description,
        String status,
        OrganizationReference procuringEntity,
        List<Item> items,
        Value value,
        Value minValue,
        String procurementMethod,
        String procurementMethodDetails,
        String procurementMethodRationale,
        String mainProcurementCategory,
        List<String> additionalProcurementCategories,
        String awardCriteria,
        String awardCriteriaDetails,
        List<String> submissionMethod,
        String submissionMethodDetails,
        Period tenderPeriod,
        Period enquiryPeriod,
        Boolean hasEnquiries,
        String eligibilityCriteria,
        Period awardPeriod,
        Period contractPeriod,
        Integer numberOfTenderers,
        List<OrganizationReference> tenderers,
        List<Document> documents,
        List<Milestone> milestones,
        List<Amendment> amendments,
        List<Lot> lots) {

    public Tender {
        items = Ocds.list(items);
        additionalProcurementCategories = Ocds.list(additionalProcurementCategories);
        submissionMethod = Ocds.list(submissionMethod);
        tenderers = Ocds.list(tenderers);
        documents = Ocds.list(documents);
        milestones = Ocds.list(milestones);
        amendments = Ocds.list(amendments);
        lots = Ocds.list(lots);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this tender's values, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .title(title)
                .description(description)
                .status(status)
                .procuringEntity(procuringEntity)
                .items(items)
                .value(value)
                .minValue(minValue)
                .procurementMethod(procurementMethod)
                .procurementMethodDetails(procurementMethodDetails)
                .procurementMethodRationale(procurementMethodRationale)
                .mainProcurementCategory(mainProcurementCategory)
                .additionalProcurementCategories(additionalProcurementCategories)
                .awardCriteria(awardCriteria)
                .awardCriteriaDetails(awardCriteriaDetails)
                .submissionMethod(submissionMethod)
                .submissionMethodDetails(submissionMethodDetails)
                .tenderPeriod(tenderPeriod)
                .enquiryPeriod(enquiryPeriod)
                .hasEnquiries(hasEnquiries)
                .eligibilityCriteria(eligibilityCriteria)
                .awardPeriod(awardPeriod)
                .contractPeriod(contractPeriod)
                .numberOfTenderers(numberOfTenderers)
                .tenderers(tenderers)
                .documents(documents)
                .milestones(milestones)
                .amendments(amendments)
                .lots(lots);
    }

    /** Builds a tender field by field; fields not set stay empty. */
    public static final class Builder {

        private String id;
        private String title;
        private String description;
        private String status;
        private OrganizationReference procuringEntity;
        private List<Item> items = List.of();
        private Value value;
        private Value minValue;
        private String procurementMethod;
        private String procurementMethodDetails;
        private String procurementMethodRationale;
        private String mainProcurementCategory;
        private List<String> additionalProcurementCategories = List.of();
        private String awardCriteria;
        private String awardCriteriaDetails;
        private List<String> submissionMethod = List.of();
        private String submissionMethodDetails;
        private Period tenderPeriod;
        private Period enquiryPeriod;
        private Boolean hasEnquiries;
        private String eligibilityCriteria;
        private Period awardPeriod;
        private Period contractPeriod;
        private Integer numberOfTenderers;
        private List<OrganizationReference> tenderers = List.of();
        private List<Document> documents = List.of();
        private List<Milestone> milestones = List.of();
        private List<Amendment> amendments = List.of();
        private List<Lot> lots = List.of();

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder procuringEntity(OrganizationReference procuringEntity) {
            this.procuringEntity = procuringEntity;
            return this;
        }

        public Builder items(List<Item> items) {
            this.items = items;
            return this;
        }

        public Builder items(Item... items) {
            this.items = List.of(items);
            return this;
        }

        public Builder value(Value value) {
            this.value = value;
            return this;
        }

        public Builder minValue(Value minValue) {
            this.minValue = minValue;
            return this;
        }

        public Builder procurementMethod(String procurementMethod) {
            this.procurementMethod = procurementMethod;
            return this;
        }

        public Builder procurementMethodDetails(String procurementMethodDetails) {
            this.procurementMethodDetails = procurementMethodDetails;
            return this;
        }

        public Builder procurementMethodRationale(String procurementMethodRationale) {
            this.procurementMethodRationale = procurementMethodRationale;
            return this;
        }

        public Builder mainProcurementCategory(String mainProcurementCategory) {
            this.mainProcurementCategory = mainProcurementCategory;
            return this;
        }

        public Builder additionalProcurementCategories(List<String> additionalProcurementCategories) {
            this.additionalProcurementCategories = additionalProcurementCategories;
            return this;
        }

        public Builder additionalProcurementCategories(String... additionalProcurementCategories) {
            this.additionalProcurementCategories = List.of(additionalProcurementCategories);
            return this;
        }

        public Builder awardCriteria(String awardCriteria) {
            this.awardCriteria = awardCriteria;
            return this;
        }

        public Builder awardCriteriaDetails(String awardCriteriaDetails) {
            this.awardCriteriaDetails = awardCriteriaDetails;
            return this;
        }

        public Builder submissionMethod(List<String> submissionMethod) {
            this.submissionMethod = submissionMethod;
            return this;
        }

        public Builder submissionMethod(String... submissionMethod) {
            this.submissionMethod = List.of(submissionMethod);
            return this;
        }

        public Builder submissionMethodDetails(String submissionMethodDetails) {
            this.submissionMethodDetails = submissionMethodDetails;
            return this;
        }

        public Builder tenderPeriod(Period tenderPeriod) {
            this.tenderPeriod = tenderPeriod;
            return this;
        }

        public Builder enquiryPeriod(Period enquiryPeriod) {
            this.enquiryPeriod = enquiryPeriod;
            return this;
        }

        public Builder hasEnquiries(Boolean hasEnquiries) {
            this.hasEnquiries = hasEnquiries;
            return this;
        }

        public Builder eligibilityCriteria(String eligibilityCriteria) {
            this.eligibilityCriteria = eligibilityCriteria;
            return this;
        }

        public Builder awardPeriod(Period awardPeriod) {
            this.awardPeriod = awardPeriod;
            return this;
        }

        public Builder contractPeriod(Period contractPeriod) {
            this.contractPeriod = contractPeriod;
            return this;
        }

        public Builder numberOfTenderers(Integer numberOfTenderers) {
            this.numberOfTenderers = numberOfTenderers;
            return this;
        }

        public Builder tenderers(List<OrganizationReference> tenderers) {
            this.tenderers = tenderers;
            return this;
        }

        public Builder tenderers(OrganizationReference... tenderers) {
            this.tenderers = List.of(tenderers);
            return this;
        }

        public Builder documents(List<Document> documents) {
            this.documents = documents;
            return this;
        }

        public Builder documents(Document... documents) {
            this.documents = List.of(documents);
            return this;
        }

        public Builder milestones(List<Milestone> milestones) {
            this.milestones = milestones;
            return this;
        }

        public Builder milestones(Milestone... milestones) {
            this.milestones = List.of(milestones);
            return this;
        }

        public Builder amendments(List<Amendment> amendments) {
            this.amendments = amendments;
            return this;
        }

        public Builder amendments(Amendment... amendments) {
            this.amendments = List.of(amendments);
            return this;
        }

        public Builder lots(List<Lot> lots) {
            this.lots = lots;
            return this;
        }

        public Builder lots(Lot... lots) {
            this.lots = List.of(lots);
            return this;
        }

        public Tender build() {
            return new Tender(
                    id,
                    title,
                    description,
                    status,
                    procuringEntity,
                    items,
                    value,
                    minValue,
                    procurementMethod,
                    procurementMethodDetails,
                    procurementMethodRationale,
                    mainProcurementCategory,
                    additionalProcurementCategories,
                    awardCriteria,
                    awardCriteriaDetails,
                    submissionMethod,
                    submissionMethodDetails,
                    tenderPeriod,
                    enquiryPeriod,
                    hasEnquiries,
                    eligibilityCriteria,
                    awardPeriod,
                    contractPeriod,
                    numberOfTenderers,
                    tenderers,
                    documents,
                    milestones,
                    amendments,
                    lots);
        }
    }
}
