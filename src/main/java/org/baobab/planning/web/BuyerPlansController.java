// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.planning.PlanLine;
import org.baobab.planning.PlanView;
import org.baobab.planning.Plans;
import org.baobab.planning.internal.LineImport;
import org.baobab.rules.Nature;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The authority's staff draw up their plan: create the year's plan, add or change lines, import a spreadsheet, and
 * (PRM) validate, publish and revise. Each action posts and redirects back with a translated message.
 */
@Controller
class BuyerPlansController {

    private final Clock clock;
    private final Plans plans;
    private final RulePacks packs;
    private final MessageSource messages;

    BuyerPlansController(Plans plans, RulePacks packs, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.packs = packs;
        this.messages = messages;
    }

    @GetMapping("/buyer/plans")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<CurrentUser.Membership> authorities = authorities(user);
        model.addAttribute("authorities", authorities);
        model.addAttribute(
                "plans",
                authorities.stream()
                        .flatMap(m -> plans.plansOf(user, m.organisationId()).stream())
                        .toList());
        model.addAttribute("nextYear", LocalDate.now(clock).getYear());
        return "planning/buyer-plans";
    }

    @PostMapping("/buyer/plans")
    String create(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam UUID authority,
            @RequestParam int year,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            UUID id = plans.create(user, authority, year);
            redirect.addFlashAttribute("message", messages.getMessage("buyer.plan.created", null, locale));
            return "redirect:/buyer/plans/" + id;
        } catch (BaobabException e) {
            redirect.addFlashAttribute("error", message(e, locale));
            return "redirect:/buyer/plans";
        }
    }

    @GetMapping("/buyer/plans/{id}")
    String plan(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        PlanView plan = plans.forStaff(user, id);
        model.addAttribute("plan", plan);
        model.addAttribute("pack", packs.pack(new CountryCode(plan.country())));
        model.addAttribute("natures", Nature.values());
        model.addAttribute("isPrm", user.hasRoleIn(plan.authorityId(), Role.PRM));
        return "planning/buyer-plan";
    }

    @PostMapping("/buyer/plans/{id}/lines")
    String saveLine(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID lineId,
            @RequestParam String reference,
            @RequestParam String title,
            @RequestParam(defaultValue = "") String description,
            @RequestParam Nature nature,
            @RequestParam String procedureCode,
            @RequestParam BigDecimal amount,
            @RequestParam String currency,
            @RequestParam(defaultValue = "") String fundingSource,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate launch,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate opening,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate award,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate signature,
            RedirectAttributes redirect,
            Locale locale) {
        return act(
                id,
                redirect,
                locale,
                "buyer.plan.line-saved",
                () -> plans.saveLine(
                        user,
                        id,
                        lineId,
                        new PlanLine.Draft(
                                reference,
                                title,
                                description,
                                nature,
                                procedureCode,
                                amount,
                                currency,
                                fundingSource,
                                launch,
                                opening,
                                award,
                                signature)));
    }

    @PostMapping("/buyer/plans/{id}/lines/{lineId}/remove")
    String removeLine(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @PathVariable UUID lineId,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, "buyer.plan.line-removed", () -> plans.removeLine(user, id, lineId));
    }

    @PostMapping(path = "/buyer/plans/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String importLines(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam("file") MultipartFile file,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        try (InputStream content = file.getInputStream()) {
            List<Plans.RowError> errors = plans.importLines(
                    user, id, file.getOriginalFilename() == null ? "import.csv" : file.getOriginalFilename(), content);
            if (errors.isEmpty()) {
                redirect.addFlashAttribute("message", messages.getMessage("buyer.plan.imported", null, locale));
            } else {
                redirect.addFlashAttribute(
                        "error",
                        messages.getMessage("error.planning.import-failed", new Object[] {errors.size()}, locale));
                redirect.addFlashAttribute(
                        "importErrors",
                        errors.stream()
                                .map(e -> messages.getMessage(
                                        "buyer.plan.import-error",
                                        new Object[] {
                                            e.row(),
                                            messages.getMessage("plan.line." + e.column(), null, e.column(), locale),
                                            messages.getMessage(
                                                    e.messageKey(),
                                                    e.arguments().toArray(),
                                                    locale)
                                        },
                                        locale))
                                .toList());
            }
        } catch (BaobabException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/buyer/plans/" + id;
    }

    /** The CSV template with the expected columns and one example line. */
    @GetMapping("/buyer/plans/template.csv")
    @ResponseBody
    ResponseEntity<String> template() {
        String csv = String.join(";", LineImport.COLUMNS) + "\r\n"
                + "SN-XXX-2026-001;Acquisition de matériel informatique;fournitures;AOO;125 000 000;XOF;"
                + "Budget national;2026-02-15;2026-04-01;2026-05-15;2026-06-01\r\n";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename("ppm-modele.csv", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body("\uFEFF" + csv);
    }

    @PostMapping("/buyer/plans/{id}/validate")
    String validate(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, "buyer.plan.validated", () -> plans.validate(user, id));
    }

    @PostMapping("/buyer/plans/{id}/reopen")
    String reopen(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, "buyer.plan.reopened", () -> plans.reopen(user, id));
    }

    @PostMapping("/buyer/plans/{id}/publish")
    String publish(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, "buyer.plan.published", () -> plans.publish(user, id));
    }

    @PostMapping("/buyer/plans/{id}/revise")
    String revise(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam String reason,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            UUID revision = plans.revise(user, id, reason);
            redirect.addFlashAttribute("message", messages.getMessage("buyer.plan.revised", null, locale));
            return "redirect:/buyer/plans/" + revision;
        } catch (BaobabException e) {
            redirect.addFlashAttribute("error", message(e, locale));
            return "redirect:/buyer/plans/" + id;
        }
    }

    @FunctionalInterface
    interface Action {
        void run();
    }

    private String act(UUID id, RedirectAttributes redirect, Locale locale, String successKey, Action action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", messages.getMessage(successKey, null, locale));
        } catch (BaobabException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/buyer/plans/" + id;
    }

    private String message(BaobabException e, Locale locale) {
        return messages.getMessage(e.errorCode().messageKey(), e.arguments(), locale);
    }

    static List<CurrentUser.Membership> authorities(CurrentUser user) {
        return user.organisationsWith(OrganisationKind.CONTRACTING_AUTHORITY, Role.PRM, Role.BUYER);
    }
}
