// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.baobab.opendata.OpenData;
import org.baobab.opendata.ocds.Address;
import org.baobab.opendata.ocds.Budget;
import org.baobab.opendata.ocds.Document;
import org.baobab.opendata.ocds.Milestone;
import org.baobab.opendata.ocds.OrganizationReference;
import org.baobab.opendata.ocds.Party;
import org.baobab.opendata.ocds.Period;
import org.baobab.opendata.ocds.Planning;
import org.baobab.opendata.ocds.Release;
import org.baobab.opendata.ocds.Tender;
import org.baobab.opendata.ocds.Value;
import org.baobab.planning.PlanLine;
import org.baobab.planning.PlanView;
import org.baobab.rules.Nature;
import org.baobab.rules.Procedure;
import org.baobab.rules.RulePack;
import org.baobab.shared.PublicUrl;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Publishes a plan's lines as OCDS planning-stage releases, in the transaction of the plan's publication: each line is
 * one future contracting process with its own ocid ({@code planning} when it first appears, {@code planningUpdate}
 * when a revision changes or withdraws it). The process later launched from the line keeps the ocid, so its tender
 * releases compile into the same record. A line already launched is the process's business from then on: a revision
 * no longer publishes planning releases for it (they would contradict the tender's own status).
 */
@Component
public class OcdsPlanning {

    private final OpenData openData;
    private final Clock clock;
    private final String baseUrl;

    OcdsPlanning(OpenData openData, Clock clock, PublicUrl publicUrl) {
        this.openData = openData;
        this.clock = clock;
        this.baseUrl = publicUrl.base();
    }

    /** The ocid a new line gets, e.g. {@code ocds-baobab-SN-2026-P00007} (P for planned, beside tendering's numbers). */
    public String ocid(String country, int year, int number) {
        return openData.ocid("%s-%d-P%05d".formatted(country, year, number));
    }

    /** A line that is new ({@code planning}) or changed ({@code planningUpdate}) in the published revision. */
    public void line(PlanView plan, PlanLine line, boolean first, RulePack pack) {
        openData.publish(release(plan, line, first ? "planning" : "planningUpdate", "planned", pack));
    }

    /** A line that the published revision no longer has. */
    public void withdrawn(PlanView plan, PlanLine line, RulePack pack) {
        openData.publish(release(plan, line, "planningUpdate", "withdrawn", pack));
    }

    Release release(PlanView plan, PlanLine line, String tag, String status, RulePack pack) {
        String ocid = line.ocid();
        if (ocid == null) {
            throw new IllegalStateException("line " + line.id() + " has no ocid yet");
        }
        ZoneId zone = pack.timeZone();
        String buyerId = plan.authorityId().toString();
        OrganizationReference buyer = new OrganizationReference(buyerId, plan.authorityName());
        Party party = new Party(
                buyerId,
                plan.authorityName(),
                null,
                new Address(null, null, null, null, pack.name().fr()),
                null,
                List.of("buyer", "procuringEntity"));
        String planUrl = baseUrl + "/plans/" + plan.id();
        Instant published = plan.publishedAt() == null ? clock.instant() : plan.publishedAt();
        Document planDocument = new Document(
                "ppm-" + plan.fiscalYear() + "-r" + plan.revision(),
                "procurementPlan",
                "Plan de passation des marchés %d, révision %d".formatted(plan.fiscalYear(), plan.revision()),
                plan.revisionReason(),
                planUrl,
                published,
                null,
                "text/html",
                "fr",
                List.of());
        String rationale = "Ligne %s du plan de passation des marchés %d de %s (révision %d)"
                .formatted(line.reference(), plan.fiscalYear(), plan.authorityName(), plan.revision());
        Value value = new Value(line.amount(), line.currency());
        Budget budget = new Budget(line.reference(), blank(line.fundingSource()), value, null, null, null);
        List<Milestone> milestones = new ArrayList<>();
        if (line.signatureDate() != null) {
            milestones.add(new Milestone(
                    "signature",
                    "Signature du contrat prévue",
                    "approval",
                    null,
                    start(line.signatureDate(), zone),
                    "withdrawn".equals(status) ? "notMet" : "scheduled"));
        }
        Procedure procedure = pack.procedure(line.procedureCode()).orElse(null);
        Tender tender = Tender.builder()
                .id(ocid)
                .title(line.title())
                .description(blank(line.description()))
                .status(status)
                .procuringEntity(buyer)
                .value(value)
                .procurementMethod(procedure == null ? null : procedure.method().ocdsCode())
                .procurementMethodDetails(procedure == null ? line.procedureCode() : procedure.ocdsMethodDetails())
                .mainProcurementCategory(line.nature().ocdsMainProcurementCategory())
                .additionalProcurementCategories(
                        line.nature() == Nature.CONSULTING ? List.of("consultingServices") : List.of())
                .tenderPeriod(period(line.launchDate(), line.openingDate(), zone))
                .awardPeriod(period(line.openingDate(), line.awardDate(), zone))
                .build();
        return Release.builder()
                .ocid(ocid)
                .date(clock.instant())
                .tag(tag)
                .initiationType("tender")
                .language("fr")
                .parties(List.of(party))
                .buyer(buyer)
                .planning(new Planning(rationale, budget, List.of(planDocument), milestones))
                .tender(tender)
                .build();
    }

    private static @Nullable Period period(@Nullable LocalDate from, @Nullable LocalDate to, ZoneId zone) {
        if (from == null && to == null) {
            return null;
        }
        return Period.between(from == null ? null : start(from, zone), to == null ? null : start(to, zone));
    }

    private static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static @Nullable String blank(String text) {
        return text.isBlank() ? null : text;
    }
}
