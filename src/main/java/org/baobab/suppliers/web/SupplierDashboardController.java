// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.Role;
import org.baobab.suppliers.Exclusions;
import org.baobab.suppliers.SupplierCategories;
import org.baobab.suppliers.SupplierDocument;
import org.baobab.suppliers.SupplierDocuments;
import org.baobab.suppliers.SupplierProfiles;
import org.baobab.tendering.NoticeSearch;
import org.baobab.tendering.NoticeSummary;
import org.baobab.tendering.Notices;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The supplier's home: the open notices in the company's fields (nearest deadline first), the notices its member
 * follows, the questions the company asked and whether they are answered, its administrative documents at a glance
 * (missing, valid, expiring, expired) and an exclusion in force, with the way to each page that acts on them.
 */
@Controller
class SupplierDashboardController {

    static final int OPPORTUNITIES = 10;

    private final Notices notices;
    private final SupplierCategories categories;
    private final SupplierDocuments documents;
    private final SupplierProfiles profiles;
    private final Exclusions exclusions;

    SupplierDashboardController(
            Notices notices,
            SupplierCategories categories,
            SupplierDocuments documents,
            SupplierProfiles profiles,
            Exclusions exclusions) {
        this.notices = notices;
        this.categories = categories;
        this.documents = documents;
        this.profiles = profiles;
        this.exclusions = exclusions;
    }

    /** One kind of document the country asks for, and the company's current one if any. */
    record DocumentLine(
            String code,
            String name,
            @Nullable SupplierDocument document,
            SupplierDocument.@Nullable Validity validity) {}

    @GetMapping("/supplier")
    String dashboard(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        CurrentUser.Membership company = SupplierMembership.of(user);
        List<String> fields = categories.of(company.organisationId());
        model.addAttribute("company", company);
        model.addAttribute("admin", company.role() == Role.SUPPLIER_ADMIN);
        model.addAttribute("profile", profiles.profile(company.organisationId()).orElse(null));
        model.addAttribute("fields", fields);
        if (!fields.isEmpty()) {
            NoticeSearch open = new NoticeSearch(
                            null,
                            null,
                            null,
                            null,
                            null,
                            "open",
                            null,
                            null,
                            null,
                            null,
                            NoticeSearch.Sort.DEADLINE,
                            0,
                            OPPORTUNITIES)
                    .withCpv(fields);
            var found = notices.search(open);
            model.addAttribute("opportunities", found.items());
            model.addAttribute("opportunitiesTotal", found.total());
        } else {
            model.addAttribute("opportunities", List.<NoticeSummary>of());
            model.addAttribute("opportunitiesTotal", 0L);
        }
        model.addAttribute("followed", notices.followedBy(user.id()));
        model.addAttribute("questions", notices.questionsOf(company.organisationId()));
        LocalDate today = documents.today(company.country());
        List<SupplierDocument> current = documents.current(company.organisationId());
        model.addAttribute(
                "documents",
                documents.kindsFor(company.country()).stream()
                        .map(kind -> {
                            SupplierDocument d = current.stream()
                                    .filter(c -> c.code().equals(kind.code()))
                                    .findFirst()
                                    .orElse(null);
                            return new DocumentLine(
                                    kind.code(), kind.name().in(locale), d, d == null ? null : d.validity(today));
                        })
                        .toList());
        model.addAttribute(
                "exclusions", exclusions.allInForce(company.organisationId(), company.country(), notices.now()));
        model.addAttribute("now", notices.now());
        return "suppliers/dashboard";
    }
}
