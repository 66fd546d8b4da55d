// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.baobab.opendata.OpenData;
import org.baobab.opendata.ocds.Address;
import org.baobab.opendata.ocds.Amendment;
import org.baobab.opendata.ocds.Classification;
import org.baobab.opendata.ocds.ContactPoint;
import org.baobab.opendata.ocds.Document;
import org.baobab.opendata.ocds.Item;
import org.baobab.opendata.ocds.Lot;
import org.baobab.opendata.ocds.OrganizationReference;
import org.baobab.opendata.ocds.Party;
import org.baobab.opendata.ocds.Period;
import org.baobab.opendata.ocds.Planning;
import org.baobab.opendata.ocds.Release;
import org.baobab.opendata.ocds.Tender;
import org.baobab.opendata.ocds.Value;
import org.baobab.rules.Cpv;
import org.baobab.rules.Nature;
import org.baobab.rules.RulePack;
import org.baobab.shared.PublicUrl;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.ProcessView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Publishes the OCDS releases of a process's public facts, in the transaction of the fact (so a fact is never public
 * without its release, nor the reverse): the notice ({@code tender}), each addendum ({@code tenderAmendment}), each
 * answer to a question ({@code tenderUpdate}) and the cancellation ({@code tenderCancellation}). Each release carries
 * the whole public state of the process at that moment, as OCDS recommends, projected from the same view the public
 * pages show, so no confidential estimate or asker's identity can reach open data.
 */
@Component
public class OcdsPublication {

    private final OpenData openData;
    private final Clock clock;
    private final Cpv cpv;
    private final String baseUrl;

    OcdsPublication(OpenData openData, Clock clock, PublicUrl publicUrl, Cpv cpv) {
        this.cpv = cpv;
        this.openData = openData;
        this.clock = clock;
        this.baseUrl = publicUrl.base();
    }

    public void published(ProcessView process, RulePack pack) {
        openData.publish(release(process, pack, "tender"));
    }

    public void amended(ProcessView process, int addendum, RulePack pack) {
        openData.publish(release(process, pack, "tenderAmendment"));
    }

    public void cancelled(ProcessView process, RulePack pack) {
        openData.publish(release(process, pack, "tenderCancellation"));
    }

    public void clarified(ProcessView process, RulePack pack) {
        openData.publish(release(process, pack, "tenderUpdate"));
    }

    /** The release of the process's public state, tagged with what just happened. */
    Release release(ProcessView staffView, RulePack pack, String tag) {
        ProcessView process = staffView.forPublic();
        NoticeDraft n = process.notice();
        String buyerId = process.authorityId().toString();
        Party buyer = new Party(
                buyerId,
                process.authorityName(),
                null,
                new Address(null, null, null, null, pack.name().fr()),
                new ContactPoint(
                        blankToNull(n.contact().name()),
                        blankToNull(n.contact().email()),
                        blankToNull(n.contact().phone()),
                        null),
                List.of("buyer", "procuringEntity"));
        OrganizationReference buyerRef = new OrganizationReference(buyerId, process.authorityName());
        Instant published = process.publishedAt() == null ? clock.instant() : process.publishedAt();
        String noticeUrl = baseUrl + "/notices/" + process.ocid();
        List<Document> documents = new ArrayList<>();
        documents.add(new Document(
                "notice",
                "tenderNotice",
                n.title(),
                null,
                noticeUrl,
                published,
                process.updatedAt(),
                "text/html",
                n.language(),
                List.of()));
        for (ProcessView.TenderDocument d : process.documents()) {
            documents.add(new Document(
                    d.sha256(),
                    d.documentType(),
                    d.title(),
                    d.addendum() == null ? null : "Additif n° " + d.addendum(),
                    noticeUrl + "/documents/" + d.sha256(),
                    d.addedAt().isBefore(published) ? published : d.addedAt(),
                    null,
                    d.contentType(),
                    n.language(),
                    List.of()));
        }
        List<Amendment> amendments = new ArrayList<>();
        for (ProcessView.Addendum a : process.addenda()) {
            amendments.add(new Amendment("addendum-" + a.number(), a.publishedAt(), a.description(), null, null, null));
        }
        if (process.cancelledAt() != null) {
            amendments.add(
                    new Amendment("cancellation", process.cancelledAt(), process.cancelReason(), null, null, null));
        }
        List<Lot> lots = n.lots().stream()
                .map(l -> new Lot(
                        String.valueOf(l.number()),
                        l.title(),
                        blankToNull(l.description()),
                        process.cancelledAt() != null ? "cancelled" : "active",
                        l.estimatedValue() == null
                                ? null
                                : new Value(l.estimatedValue(), n.value().currency())))
                .toList();
        List<Item> items = items(n);
        boolean answered = !process.questions().isEmpty();
        Tender tender = Tender.builder()
                .id(process.ocid())
                .title(n.title())
                .description(blankToNull(n.description()))
                .status(process.status().ocdsTenderStatus())
                .procuringEntity(buyerRef)
                .items(items)
                .value(
                        n.value().estimated() == null
                                ? null
                                : new Value(n.value().estimated(), n.value().currency()))
                .procurementMethod(process.procurementMethod())
                .procurementMethodDetails(pack.procedure(n.procedure().code())
                        .map(p -> p.ocdsMethodDetails())
                        .orElse(n.procedure().code()))
                .mainProcurementCategory(n.classification().nature().ocdsMainProcurementCategory())
                .additionalProcurementCategories(
                        n.classification().nature() == Nature.CONSULTING ? List.of("consultingServices") : List.of())
                .awardCriteria(n.procedure().awardCriteria())
                .awardCriteriaDetails(blankToNull(n.procedure().evaluationCriteria()))
                .submissionMethod(List.of("electronicSubmission"))
                .submissionMethodDetails(blankToNull(n.dates().openingPlace()))
                .tenderPeriod(period(published, n.dates().submissionDeadline()))
                .enquiryPeriod(period(published, n.dates().clarificationDeadline()))
                .hasEnquiries(answered)
                .eligibilityCriteria(blankToNull(n.procedure().eligibility()))
                .documents(documents)
                .amendments(amendments)
                .lots(lots)
                .build();
        Planning planning = process.outOfPlanReason() == null
                ? null
                : new Planning(process.outOfPlanReason(), null, List.of(), List.of());
        return Release.builder()
                .ocid(process.ocid())
                .date(clock.instant())
                .tag(tag)
                .initiationType("tender")
                .language(n.language())
                .parties(List.of(buyer))
                .buyer(buyerRef)
                .planning(planning)
                .tender(tender)
                .build();
    }

    private static @Nullable Period period(Instant start, @Nullable Instant end) {
        return end == null ? null : Period.between(start, end);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * One item per lot (or one for the whole notice without lots), classified by the notice's main CPV code with the
     * other codes as additional classifications, labelled in the notice's language.
     */
    private List<Item> items(NoticeDraft n) {
        String language = "en".equals(n.language()) ? "en" : "fr";
        List<Classification> codes = n.classification().cpv().stream()
                .map(code -> cpv.find(code)
                        .map(c -> new Classification("CPV", c.code(), c.label(language), null))
                        .orElseGet(() -> new Classification("CPV", code, null, null)))
                .toList();
        Classification main = codes.isEmpty() ? null : codes.get(0);
        List<Classification> others = codes.isEmpty() ? List.of() : codes.subList(1, codes.size());
        if (n.lots().isEmpty()) {
            return main == null ? List.of() : List.of(new Item("1", n.title(), main, others, null, null, null));
        }
        return n.lots().stream()
                .map(l -> new Item(
                        String.valueOf(l.number()), l.title(), main, others, null, null, String.valueOf(l.number())))
                .toList();
    }
}
