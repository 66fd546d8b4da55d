// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Cpv;
import org.baobab.rules.RulePacks;
import org.baobab.rules.SupplierIdentifier;
import org.baobab.shared.BaobabException;
import org.baobab.shared.Role;
import org.baobab.suppliers.SupplierCategories;
import org.baobab.suppliers.SupplierProfile;
import org.baobab.suppliers.SupplierProfiles;
import org.baobab.suppliers.SuppliersErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The company's profile, edited by its admin and read by its other members; the public directory. */
@Controller
class SupplierProfileController {

    /** The errors whose first argument is the code of one of the country's identifiers, shown on the page. */
    private static final Set<SuppliersErrorCode> IDENTIFIER_ERRORS = EnumSet.of(
            SuppliersErrorCode.IDENTIFIER_REQUIRED,
            SuppliersErrorCode.BAD_IDENTIFIER,
            SuppliersErrorCode.IDENTIFIER_FORMAT,
            SuppliersErrorCode.DUPLICATE_IDENTIFIER);

    private final SupplierProfiles profiles;
    private final SupplierCategories categories;
    private final RulePacks packs;
    private final MessageSource messages;

    SupplierProfileController(
            SupplierProfiles profiles, SupplierCategories categories, RulePacks packs, MessageSource messages) {
        this.profiles = profiles;
        this.categories = categories;
        this.packs = packs;
        this.messages = messages;
    }

    @GetMapping("/supplier/profile")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        CurrentUser.Membership company = SupplierMembership.of(user);
        SupplierProfile profile = profiles.profileOrNew(company.organisationId());
        if (!model.containsAttribute("profile")) {
            model.addAttribute("profile", profile);
        }
        model.addAttribute("company", company);
        model.addAttribute("editable", company.role() == Role.SUPPLIER_ADMIN);
        model.addAttribute("rules", profiles.identifiersOf(company.country()));
        return "suppliers/profile";
    }

    @PostMapping("/supplier/profile")
    String save(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam Map<String, String> form,
            Locale locale,
            RedirectAttributes redirect) {
        CurrentUser.Membership company = SupplierMembership.of(user);
        Map<String, String> identifiers = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("id.")) {
                identifiers.put(key.substring(3), value);
            }
        });
        SupplierProfile.Draft draft = new SupplierProfile.Draft(
                form.getOrDefault("legalName", ""),
                form.getOrDefault("legalForm", ""),
                form.getOrDefault("address", ""),
                form.getOrDefault("city", ""),
                form.getOrDefault("phone", ""),
                form.getOrDefault("email", ""),
                form.getOrDefault("website", ""),
                form.containsKey("sme"),
                form.containsKey("startup"),
                form.containsKey("womenLed"),
                form.containsKey("listed"),
                form.getOrDefault("bankName", ""),
                form.getOrDefault("bankAccount", ""),
                identifiers);
        List<SupplierIdentifier> rules = profiles.identifiersOf(company.country());
        try {
            List<SupplierProfile.Warning> warnings = profiles.save(user, company.organisationId(), draft);
            redirect.addFlashAttribute("message", messages.getMessage("profile.saved", null, locale));
            redirect.addFlashAttribute(
                    "warnings",
                    warnings.stream()
                            .map(w -> messages.getMessage(
                                    w.messageKey(),
                                    new Object[] {name(rules, w.identifier(), locale), w.example()},
                                    locale))
                            .toList());
        } catch (BaobabException e) {
            redirect.addFlashAttribute(
                    "error", FieldErrors.message(messages, e, "profile", code -> name(rules, code, locale), locale));
            String field = errorField(e, rules);
            if (field != null) {
                redirect.addFlashAttribute("errorField", field);
            }
            redirect.addFlashAttribute(
                    "profile",
                    new SupplierProfile(
                            company.organisationId(),
                            company.country(),
                            draft.legalName(),
                            draft.legalForm(),
                            draft.address(),
                            draft.city(),
                            draft.phone(),
                            draft.email(),
                            draft.website(),
                            draft.sme(),
                            draft.startup(),
                            draft.womenLed(),
                            draft.listed(),
                            draft.bankName(),
                            draft.bankAccount(),
                            draft.identifiers(),
                            java.time.Instant.EPOCH));
        }
        return "redirect:/supplier/profile";
    }

    @GetMapping("/suppliers")
    String directory(
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String cpv,
            Model model) {
        String c = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        String words = q == null || q.isBlank() ? null : q.strip();
        // a malformed code finds nobody rather than everybody
        String code = cpv == null || cpv.isBlank() ? null : Objects.requireNonNullElse(Cpv.canonical(cpv), "-");
        List<SupplierProfile> companies = profiles.directory(c, words, code);
        model.addAttribute("companies", companies);
        model.addAttribute(
                "categories",
                categories.of(
                        companies.stream().map(SupplierProfile::organisationId).toList()));
        model.addAttribute("cpv", cpv == null ? "" : cpv.strip());
        model.addAttribute("packs", packs.all());
        model.addAttribute("country", c);
        model.addAttribute("q", words);
        return "suppliers/directory";
    }

    /**
     * The id of the field on the page that the error is about, for its message to sit next to it: a national
     * identifier's ({@code id-NINEA}), another field's (its name), or null when no one field is to blame.
     */
    private static @Nullable String errorField(BaobabException e, List<SupplierIdentifier> rules) {
        if (e.errorCode() instanceof SuppliersErrorCode code
                && IDENTIFIER_ERRORS.contains(code)
                && e.arguments().length > 0
                && e.arguments()[0] instanceof String identifier
                && rules.stream().anyMatch(r -> r.code().equals(identifier))) {
            return "id-" + identifier;
        }
        return FieldErrors.field(e);
    }

    private static String name(List<SupplierIdentifier> rules, String code, Locale locale) {
        return rules.stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .map(r -> r.name().in(locale))
                .orElse(code);
    }
}
