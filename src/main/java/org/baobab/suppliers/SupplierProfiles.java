// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.Organisation;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.rules.SupplierIdentifier;
import org.baobab.shared.BaobabException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.suppliers.internal.ProfileStore;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Company profiles. The supplier's admin describes the company and gives its national identifiers; each identifier
 * is checked against the country's rule pack (required, expected shape) and must not be another company's. What an
 * enforceable rule says is refused with a translated error and nothing saved; what an unverified rule says comes back
 * as {@linkplain SupplierProfile.Warning warnings} and the profile is saved.
 */
@Service
public class SupplierProfiles {

    /** Letters, digits, spaces and . / - only, 3 to 40 of them: what every national identifier looks like. */
    private static final Pattern IDENTIFIER_CHARACTERS = Pattern.compile("[\\p{L}\\p{N} ./-]{3,40}");

    private final ProfileStore store;
    private final Accounts accounts;
    private final RulePacks packs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupplierProfiles(
            ProfileStore store, Accounts accounts, RulePacks packs, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.packs = packs;
        this.events = events;
        this.clock = clock;
    }

    /** The identifiers a company of that country is asked for (none where Baobab has no rule pack). */
    public List<SupplierIdentifier> identifiersOf(String country) {
        return packs.find(country).map(RulePack::supplierIdentifiers).orElse(List.of());
    }

    public Optional<SupplierProfile> profile(UUID organisationId) {
        return store.find(organisationId);
    }

    /** The profile, or a first one drawn from the registration (name and country). */
    public SupplierProfile profileOrNew(UUID organisationId) {
        return store.find(organisationId).orElseGet(() -> {
            Organisation o = supplier(organisationId);
            return new SupplierProfile(
                    organisationId,
                    o.country(),
                    o.name(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    false,
                    false,
                    false,
                    false,
                    "",
                    "",
                    Map.of(),
                    o.createdAt());
        });
    }

    /** Saves the company's profile; returns what the admin should still check. */
    @Transactional
    public List<SupplierProfile.Warning> save(CurrentUser actor, UUID organisationId, SupplierProfile.Draft draft) {
        if (!actor.hasRoleIn(organisationId, Role.SUPPLIER_ADMIN)) {
            throw new BaobabException(SuppliersErrorCode.NOT_SUPPLIER_ADMIN);
        }
        Organisation company = supplier(organisationId);
        SupplierProfile.Draft clean = clean(draft);
        List<SupplierIdentifier> rules = identifiersOf(company.country());
        for (String code : clean.identifiers().keySet()) {
            if (rules.stream().noneMatch(r -> r.code().equals(code))) {
                throw new BaobabException(SuppliersErrorCode.UNKNOWN_IDENTIFIER, code);
            }
        }
        store.lock(organisationId);
        List<SupplierProfile.Warning> warnings = new ArrayList<>();
        Map<String, ProfileStore.Identifier> identifiers = new LinkedHashMap<>();
        for (SupplierIdentifier rule : rules) {
            String value = clean.identifiers().getOrDefault(rule.code(), "");
            String example = rule.example() == null ? "" : rule.example();
            if (value.isEmpty()) {
                if (rule.requiredAndEnforced()) {
                    throw new BaobabException(SuppliersErrorCode.IDENTIFIER_REQUIRED, rule.code());
                }
                if (rule.required()) {
                    warnings.add(new SupplierProfile.Warning("profile.warning.missing", rule.code(), example));
                }
                continue;
            }
            String canonical = SupplierIdentifier.canonical(value);
            if (!IDENTIFIER_CHARACTERS.matcher(value).matches() || canonical.length() < 3) {
                throw new BaobabException(SuppliersErrorCode.BAD_IDENTIFIER, rule.code(), value);
            }
            if (!rule.matches(value)) {
                if (rule.formatEnforced()) {
                    throw new BaobabException(SuppliersErrorCode.IDENTIFIER_FORMAT, rule.code(), example);
                }
                warnings.add(new SupplierProfile.Warning("profile.warning.format", rule.code(), example));
            }
            Optional<UUID> holder = store.holder(company.country(), rule.code(), canonical);
            if (holder.isPresent() && !holder.get().equals(organisationId)) {
                throw new BaobabException(SuppliersErrorCode.DUPLICATE_IDENTIFIER, rule.code(), value);
            }
            identifiers.put(rule.code(), new ProfileStore.Identifier(value, canonical));
        }
        try {
            store.save(organisationId, company.country(), clean, identifiers, actor.email(), clock.instant());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // another company saved the same identifier at the same moment: the unique index decides
            String code = identifiers.keySet().stream().findFirst().orElse("");
            throw new BaobabException(
                    SuppliersErrorCode.DUPLICATE_IDENTIFIER,
                    code,
                    identifiers.containsKey(code) ? identifiers.get(code).value() : "");
        }
        Map<String, Object> payload = new HashMap<>();
        payload.put("legalName", clean.legalName());
        identifiers.forEach((code, identifier) -> payload.put(code, identifier.value()));
        payload.put("listed", clean.listed());
        events.publishEvent(new SupplierEvents.ProfileSaved(actor.email(), organisationId.toString(), payload));
        return warnings;
    }

    /**
     * The public directory: companies that chose to be listed, by name; with a CPV code (eight digits), those selling
     * something under it or a broader code above it.
     */
    public List<SupplierProfile> directory(@Nullable String country, @Nullable String words, @Nullable String cpv) {
        return store.listed(country, words, cpv);
    }

    private Organisation supplier(UUID organisationId) {
        return accounts.organisation(organisationId)
                .filter(o -> o.kind() == OrganisationKind.SUPPLIER)
                .orElseThrow(() -> new BaobabException(SuppliersErrorCode.NOT_A_SUPPLIER));
    }

    private static SupplierProfile.Draft clean(SupplierProfile.Draft d) {
        String name = Inputs.text("legalName", d.legalName(), 300);
        if (name.length() < 2) {
            throw new BaobabException(SuppliersErrorCode.REQUIRED, "legalName");
        }
        String email = Inputs.text("email", d.email(), 320);
        if (!email.isEmpty() && !Inputs.isEmail(email)) {
            throw new BaobabException(SuppliersErrorCode.INVALID_VALUE, "email");
        }
        String website = Inputs.text("website", d.website(), 300);
        if (!website.isEmpty() && !website.toLowerCase(Locale.ROOT).matches("https?://[^\\s]+\\.[^\\s]+")) {
            throw new BaobabException(SuppliersErrorCode.INVALID_VALUE, "website");
        }
        Map<String, String> identifiers = new LinkedHashMap<>();
        d.identifiers().forEach((code, value) -> {
            String v = value == null ? "" : value.strip().replaceAll("\\s+", " ");
            if (!v.isEmpty()) {
                identifiers.put(code, v);
            }
        });
        return new SupplierProfile.Draft(
                name,
                Inputs.text("legalForm", d.legalForm(), 100),
                Inputs.text("address", d.address(), 300),
                Inputs.text("city", d.city(), 100),
                Inputs.text("phone", d.phone(), 40),
                email,
                website,
                d.sme(),
                d.startup(),
                d.womenLed(),
                d.listed(),
                Inputs.text("bankName", d.bankName(), 100),
                Inputs.text("bankAccount", d.bankAccount(), 60),
                identifiers);
    }
}
