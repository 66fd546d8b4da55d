// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.Organisation;
import org.baobab.rules.Nature;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.suppliers.SupplierEvents.ExclusionChanged;
import org.baobab.suppliers.internal.ExclusionStore;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exclusions from public procurement (debarment). A complaints officer of a country's regulator records the decision
 * (company, period, scope, legal basis, reason); it is public at once and journalled; it is never edited or deleted,
 * only lifted with a reason. Bidding asks {@link #inForce} before accepting a bid. Days are the country's days: an
 * exclusion ending on the 30th bars bids until midnight of the 30th in that country.
 */
@Service
public class Exclusions {

    static final int MAX_TEXT = 4000;
    static final int MAX_LINE = 500;

    private final ExclusionStore store;
    private final Accounts accounts;
    private final RulePacks packs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Exclusions(
            ExclusionStore store, Accounts accounts, RulePacks packs, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.packs = packs;
        this.events = events;
        this.clock = clock;
    }

    /** Records the regulator's decision; returns the exclusion's id. */
    @Transactional
    public UUID record(CurrentUser actor, UUID regulatorId, Exclusion.Draft draft) {
        CurrentUser.Membership regulator = officer(actor, regulatorId);
        String company = Inputs.text("companyName", draft.companyName(), 300);
        String identifiers = Inputs.text("identifiers", draft.identifiers(), MAX_LINE);
        String basis = Inputs.required("legalBasis", draft.legalBasis(), MAX_LINE);
        String reason = Inputs.required("reason", draft.reason(), MAX_TEXT);
        if (draft.startsOn() == null) {
            throw new BaobabException(SuppliersErrorCode.REQUIRED, "startsOn");
        }
        if (draft.endsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
            throw new BaobabException(SuppliersErrorCode.PERIOD_REVERSED);
        }
        UUID organisationId = draft.organisationId();
        if (organisationId != null) {
            Organisation supplier = accounts.organisation(organisationId)
                    .filter(o -> o.kind() == OrganisationKind.SUPPLIER)
                    .orElseThrow(() -> new BaobabException(SuppliersErrorCode.NOT_A_SUPPLIER));
            if (company.isBlank()) {
                company = supplier.name();
            }
        }
        if (company.length() < 2) {
            throw new BaobabException(SuppliersErrorCode.REQUIRED, "companyName");
        }
        UUID id = UUID.randomUUID();
        store.insert(new Exclusion(
                id,
                regulator.country(),
                regulatorId,
                regulator.organisationName(),
                organisationId,
                company,
                identifiers,
                draft.nature(),
                draft.startsOn(),
                draft.endsOn(),
                basis,
                reason,
                actor.email(),
                clock.instant(),
                null,
                null,
                null));
        Map<String, Object> payload = new HashMap<>();
        payload.put("company", company);
        payload.put("country", regulator.country());
        payload.put("startsOn", draft.startsOn().toString());
        payload.put("endsOn", draft.endsOn() == null ? "" : draft.endsOn().toString());
        payload.put("nature", draft.nature() == null ? "ALL" : draft.nature().name());
        if (organisationId != null) {
            payload.put("supplier", organisationId.toString());
        }
        events.publishEvent(new ExclusionChanged(
                actor.email(), regulatorId.toString(), "suppliers.exclusion-recorded", id.toString(), basis, payload));
        return id;
    }

    /** Lifts an exclusion before its end (an error, an appeal's outcome, rehabilitation), with the reason. */
    @Transactional
    public void lift(CurrentUser actor, UUID exclusionId, String reason) {
        Exclusion exclusion =
                store.find(exclusionId).orElseThrow(() -> new BaobabException(SuppliersErrorCode.UNKNOWN_EXCLUSION));
        officer(actor, exclusion.regulatorId());
        String why = Inputs.required("liftReason", reason, MAX_TEXT);
        if (!store.lift(exclusionId, actor.email(), clock.instant(), why)) {
            throw new BaobabException(SuppliersErrorCode.CANNOT_LIFT);
        }
        events.publishEvent(new ExclusionChanged(
                actor.email(),
                exclusion.regulatorId().toString(),
                "suppliers.exclusion-lifted",
                exclusionId.toString(),
                why,
                Map.of("company", exclusion.companyName())));
    }

    /**
     * The exclusion that bars a registered supplier from a contract of that nature in that country at that instant,
     * if any: what bidding checks before it accepts a bid.
     */
    public Optional<Exclusion> inForce(UUID organisationId, String country, @Nullable Nature nature, Instant at) {
        LocalDate day = at.atZone(packs.zone(country)).toLocalDate();
        return store.ofOrganisation(organisationId).stream()
                .filter(e -> e.country().equals(country) && e.bars(nature, day))
                .findFirst();
    }

    /** The exclusions of a registered supplier in force in that country at that instant, whatever their scope. */
    public List<Exclusion> allInForce(UUID organisationId, String country, Instant at) {
        LocalDate day = at.atZone(packs.zone(country)).toLocalDate();
        return store.ofOrganisation(organisationId).stream()
                .filter(e -> e.country().equals(country) && e.state(day) == Exclusion.State.IN_FORCE)
                .toList();
    }

    /** The public list: every exclusion, or one country's, newest decision first. */
    public List<Exclusion> list(@Nullable String country) {
        return store.all(country);
    }

    public Exclusion get(UUID id) {
        return store.find(id).orElseThrow(() -> new BaobabException(SuppliersErrorCode.UNKNOWN_EXCLUSION));
    }

    /** Today in the exclusion's country. */
    public LocalDate today(String country) {
        return packs.today(country);
    }

    /** The registered suppliers the regulator may link an exclusion to, by name. */
    public List<Organisation> suppliers(String country) {
        return accounts.organisations().stream()
                .filter(o ->
                        o.kind() == OrganisationKind.SUPPLIER && o.country().equals(country))
                .sorted(java.util.Comparator.comparing(Organisation::name))
                .toList();
    }

    private static CurrentUser.Membership officer(CurrentUser actor, UUID regulatorId) {
        return actor.memberships().stream()
                .filter(m -> m.organisationId().equals(regulatorId)
                        && m.kind() == OrganisationKind.REGULATOR
                        && m.role() == Role.COMPLAINTS_OFFICER)
                .findFirst()
                .orElseThrow(() -> new BaobabException(SuppliersErrorCode.NOT_REGULATOR));
    }
}
