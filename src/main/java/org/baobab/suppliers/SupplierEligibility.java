// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baobab.identity.Accounts;
import org.baobab.rules.Nature;
import org.baobab.rules.RequiredDocument;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.rules.SupplierIdentifier;
import org.baobab.shared.OrganisationKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supplier module's answer to bidding: may this company bid for a contract of that nature in that country, with
 * those required documents, at that instant? It must be a registered supplier with a profile holding the identifiers
 * the country's pack requires, not be excluded there for that nature, and hold a current, not rejected, unexpired
 * document of each kind the notice requires. What the pack holds as enforceable blocks; what it holds as unverified
 * only warns. A document awaiting verification does not block: verification may come after the bid. A foreign
 * company's documents only warn: it holds its own country's, whose equivalence the committee judges.
 */
@Service
public class SupplierEligibility {

    private final Accounts accounts;
    private final SupplierProfiles profiles;
    private final SupplierDocuments documents;
    private final Exclusions exclusions;
    private final RulePacks packs;

    SupplierEligibility(
            Accounts accounts,
            SupplierProfiles profiles,
            SupplierDocuments documents,
            Exclusions exclusions,
            RulePacks packs) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.documents = documents;
        this.exclusions = exclusions;
        this.packs = packs;
    }

    @Transactional(readOnly = true)
    public Eligibility check(
            UUID organisationId, String country, Nature nature, List<String> requiredDocuments, Instant at) {
        List<Eligibility.Finding> findings = new ArrayList<>();
        boolean supplier = accounts.organisation(organisationId)
                .filter(o -> o.kind() == OrganisationKind.SUPPLIER)
                .isPresent();
        if (!supplier) {
            findings.add(new Eligibility.Finding(true, "eligibility.not-a-supplier", List.of()));
            return new Eligibility(findings);
        }
        exclusions
                .inForce(organisationId, country, nature, at)
                .ifPresent(e -> findings.add(new Eligibility.Finding(
                        true,
                        "eligibility.excluded",
                        List.of(
                                e.regulatorName(),
                                e.endsOn() == null ? "—" : e.endsOn().toString()))));
        Optional<RulePack> pack = packs.find(country);
        Optional<SupplierProfile> profile = profiles.profile(organisationId);
        if (profile.isEmpty()) {
            findings.add(new Eligibility.Finding(true, "eligibility.no-profile", List.of()));
        } else if (profile.get().country().equals(country)) {
            // a company of another country is identified by its own country's identifiers
            for (SupplierIdentifier rule :
                    pack.map(RulePack::supplierIdentifiers).orElse(List.of())) {
                if (rule.required() && !profile.get().identifiers().containsKey(rule.code())) {
                    findings.add(new Eligibility.Finding(
                            rule.requiredAndEnforced(), "eligibility.identifier-missing", List.of(rule.code())));
                }
            }
        }
        LocalDate day = at.atZone(packs.zone(country)).toLocalDate();
        List<SupplierDocument> held = documents.current(organisationId);
        // a foreign company holds its own country's documents: their equivalence is for the committee to judge
        boolean domestic = accounts.organisation(organisationId)
                .map(o -> o.country().equals(country))
                .orElse(false);
        for (String code : requiredDocuments) {
            boolean enforceable = domestic
                    && pack.flatMap(p -> p.requiredDocuments().stream()
                                    .filter(d -> d.code().equals(code))
                                    .findFirst())
                            .map(RequiredDocument::confidence)
                            .map(c -> c.enforceable())
                            .orElse(false);
            Optional<SupplierDocument> document =
                    held.stream().filter(d -> d.code().equals(code)).findFirst();
            if (document.isEmpty()) {
                findings.add(new Eligibility.Finding(enforceable, "eligibility.document-missing", List.of(code)));
            } else if (document.get().verification() == SupplierDocument.Verification.REJECTED) {
                findings.add(new Eligibility.Finding(enforceable, "eligibility.document-rejected", List.of(code)));
            } else if (document.get().validity(day) == SupplierDocument.Validity.EXPIRED) {
                findings.add(new Eligibility.Finding(
                        enforceable,
                        "eligibility.document-expired",
                        List.of(code, String.valueOf(document.get().expiresOn()))));
            }
        }
        return new Eligibility(findings);
    }
}
