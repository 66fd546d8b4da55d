// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.documents.Documents;
import org.baobab.documents.StoredDocument;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.Organisation;
import org.baobab.rules.RequiredDocument;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.suppliers.internal.DocumentStore;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company's administrative documents: uploaded once by its admin or bid preparer with the dates printed on them,
 * shown valid / expiring / expired at a glance, verified (or rejected with a reason) by a buyer or the regulator of
 * the company's country so that a verified attestation serves every tender, and reminded to the company's admins
 * {@value SupplierDocument#EXPIRY_WARNING_DAYS} days before expiry. A new upload of a kind replaces the current one,
 * which stays as history.
 */
@Service
public class SupplierDocuments {

    private static final List<Role> VERIFIERS =
            List.of(Role.BUYER, Role.PRM, Role.COMPLAINTS_OFFICER, Role.REGULATOR_AUDITOR);

    private final DocumentStore store;
    private final Documents documents;
    private final Accounts accounts;
    private final RulePacks packs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupplierDocuments(
            DocumentStore store,
            Documents documents,
            Accounts accounts,
            RulePacks packs,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.documents = documents;
        this.accounts = accounts;
        this.packs = packs;
        this.events = events;
        this.clock = clock;
    }

    /** The kinds of document a company of that country is asked for (none without a rule pack). */
    public List<RequiredDocument> kindsFor(String country) {
        return packs.find(country).map(RulePack::requiredDocuments).orElse(List.of());
    }

    /** Today in the country. */
    public LocalDate today(String country) {
        return packs.today(country);
    }

    /** Uploads a document of a required kind; returns its id. */
    @Transactional
    public UUID upload(
            CurrentUser actor,
            UUID organisationId,
            String code,
            InputStream content,
            String fileName,
            @Nullable String contentType,
            @Nullable LocalDate issuedOn,
            @Nullable LocalDate expiresOn) {
        if (!actor.hasRoleIn(organisationId, Role.SUPPLIER_ADMIN)
                && !actor.hasRoleIn(organisationId, Role.BID_PREPARER)) {
            throw new BaobabException(SuppliersErrorCode.NOT_SUPPLIER_ADMIN);
        }
        Organisation company = supplier(organisationId);
        if (kindsFor(company.country()).stream().noneMatch(k -> k.code().equals(code))) {
            throw new BaobabException(SuppliersErrorCode.UNKNOWN_DOCUMENT_KIND, code);
        }
        if (issuedOn == null) {
            throw new BaobabException(SuppliersErrorCode.REQUIRED, "issuedOn");
        }
        if (issuedOn.isAfter(today(company.country())) || (expiresOn != null && !expiresOn.isAfter(issuedOn))) {
            throw new BaobabException(SuppliersErrorCode.DOCUMENT_DATES);
        }
        StoredDocument stored =
                documents.store(content, fileName, contentType, actor.email(), organisationId.toString());
        UUID id = UUID.randomUUID();
        store.insertReplacing(new SupplierDocument(
                id,
                organisationId,
                company.country(),
                code,
                stored.sha256(),
                stored.fileName(),
                issuedOn,
                expiresOn,
                actor.email(),
                clock.instant(),
                null,
                null,
                null));
        events.publishEvent(new SupplierEvents.DocumentChanged(
                actor.email(),
                organisationId.toString(),
                "suppliers.document-uploaded",
                id.toString(),
                null,
                Map.of(
                        "code",
                        code,
                        "sha256",
                        stored.sha256(),
                        "issuedOn",
                        issuedOn.toString(),
                        "expiresOn",
                        expiresOn == null ? "" : expiresOn.toString())));
        return id;
    }

    /** The company's current documents, by kind. */
    public List<SupplierDocument> current(UUID organisationId) {
        return store.current(organisationId);
    }

    public SupplierDocument get(UUID id) {
        return store.find(id).orElseThrow(() -> new BaobabException(SuppliersErrorCode.UNKNOWN_DOCUMENT));
    }

    /** The documents of the verifier's countries that await a decision. */
    public List<SupplierDocument> awaiting(CurrentUser verifier) {
        return verifier.memberships().stream()
                .filter(m -> VERIFIERS.contains(m.role()))
                .map(CurrentUser.Membership::country)
                .distinct()
                .flatMap(c -> store.awaiting(c).stream())
                .toList();
    }

    /** A buyer or the regulator of the company's country verifies the document, or rejects it with a reason. */
    @Transactional
    public void decide(
            CurrentUser actor, UUID documentId, SupplierDocument.Verification decision, @Nullable String reason) {
        SupplierDocument document = get(documentId);
        CurrentUser.Membership as = actor.memberships().stream()
                .filter(m -> VERIFIERS.contains(m.role()) && m.country().equals(document.country()))
                .findFirst()
                .orElseThrow(() -> new BaobabException(SuppliersErrorCode.NOT_VERIFIER));
        String why = Inputs.text("rejectionReason", reason, 2000);
        if (decision == SupplierDocument.Verification.REJECTED && why.isEmpty()) {
            throw new BaobabException(SuppliersErrorCode.REQUIRED, "rejectionReason");
        }
        if (!store.decide(
                documentId,
                decision,
                actor.email(),
                as.organisationName(),
                clock.instant(),
                decision == SupplierDocument.Verification.REJECTED ? why : null)) {
            throw new BaobabException(SuppliersErrorCode.ALREADY_DECIDED);
        }
        events.publishEvent(new SupplierEvents.DocumentChanged(
                actor.email(),
                document.organisationId().toString(),
                decision == SupplierDocument.Verification.VERIFIED
                        ? "suppliers.document-verified"
                        : "suppliers.document-rejected",
                documentId.toString(),
                decision == SupplierDocument.Verification.REJECTED ? why : null,
                Map.of("code", document.code(), "verifier", as.organisationName())));
    }

    /**
     * Announces the current documents that expire within the warning period and were not reminded for that expiry
     * (run daily by a job). Returns how many.
     */
    @Transactional
    public int remindExpiring() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<SupplierDocument> due =
                store.expiringUnreminded(today.minusDays(1), today.plusDays(SupplierDocument.EXPIRY_WARNING_DAYS));
        for (SupplierDocument d : due) {
            store.markReminded(d.id(), d.expiresOn());
            events.publishEvent(
                    new SupplierEvents.DocumentExpiring(d.organisationId(), d.id(), d.code(), d.expiresOn()));
        }
        return due.size();
    }

    /** The name of a kind of document in the reader's language. */
    public String kindName(String country, String code, java.util.Locale locale) {
        return kindsFor(country).stream()
                .filter(k -> k.code().equals(code))
                .findFirst()
                .map(k -> k.name().in(locale))
                .orElse(code);
    }

    private Organisation supplier(UUID organisationId) {
        return accounts.organisation(organisationId)
                .filter(o -> o.kind() == OrganisationKind.SUPPLIER)
                .orElseThrow(() -> new BaobabException(SuppliersErrorCode.NOT_A_SUPPLIER));
    }
}
