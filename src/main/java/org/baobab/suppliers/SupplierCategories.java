// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Cpv;
import org.baobab.shared.BaobabException;
import org.baobab.shared.Role;
import org.baobab.suppliers.internal.CategoryStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a company sells, as CPV codes chosen by its admin: the directory is searched by them, and the company's
 * dashboard shows the open notices under them. A broad code (a division) covers everything under it.
 */
@Service
public class SupplierCategories {

    /** Enough for a general supplier; beyond that a broader code says it better. */
    public static final int MAX = 30;

    private final CategoryStore store;
    private final Cpv cpv;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupplierCategories(CategoryStore store, Cpv cpv, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.cpv = cpv;
        this.events = events;
        this.clock = clock;
    }

    public List<String> of(UUID organisationId) {
        return store.of(organisationId);
    }

    public Map<UUID, List<String>> of(Collection<UUID> organisations) {
        return store.of(organisations);
    }

    /** Adds a code (typed with or without its check digit) to what the company sells. */
    @Transactional
    public void add(CurrentUser actor, UUID organisationId, String code) {
        admin(actor, organisationId);
        Cpv.Code found = cpv.find(code)
                .orElseThrow(() -> new BaobabException(
                        SuppliersErrorCode.UNKNOWN_CPV, code.length() > 20 ? code.substring(0, 20) : code));
        if (store.of(organisationId).size() >= MAX) {
            throw new BaobabException(SuppliersErrorCode.TOO_MANY_CATEGORIES, String.valueOf(MAX));
        }
        if (store.add(organisationId, found.code(), actor.email(), clock.instant())) {
            journal(actor, organisationId, "added", found.code());
        }
    }

    @Transactional
    public void remove(CurrentUser actor, UUID organisationId, String code) {
        admin(actor, organisationId);
        if (store.remove(organisationId, code)) {
            journal(actor, organisationId, "removed", code);
        }
    }

    private void journal(CurrentUser actor, UUID organisationId, String change, String code) {
        events.publishEvent(new SupplierEvents.CategoriesChanged(
                actor.email(), organisationId.toString(), change, code, store.of(organisationId)));
    }

    private static void admin(CurrentUser actor, UUID organisationId) {
        if (!actor.hasRoleIn(organisationId, Role.SUPPLIER_ADMIN)) {
            throw new BaobabException(SuppliersErrorCode.NOT_SUPPLIER_ADMIN);
        }
    }
}
