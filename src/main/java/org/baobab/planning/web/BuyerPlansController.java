// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.planning.PlanLine;
import org.baobab.planning.PlanView;
import org.baobab.planning.PlanningErrorCode;
import org.baobab.planning.Plans;
import org.baobab.planning.internal.LineImport;
import org.baobab.rules.Nature;
import org.baobab.rules.RulePacks;
import org.baobab.shared.CountryCode;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.shared.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
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
    private final FormErrors forms;

    BuyerPlansController(Plans plans, RulePacks packs, MessageSource messages, FormErrors forms, Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.packs = packs;
        this.messages = messages;
        this.forms = forms;
    }

    /**
     * A line of the plan as typed (a new one, or a change of {@code lineId}). A class bound field by field (see
     * {@link #bindFields}), not a record: a number or a date that does not convert leaves its field empty and the other
     * checks still run, so that every error shows at once.
     */
    static final class PlanLineForm {
        public @Nullable UUID lineId;

        @NotBlank
        @Size(max = 100)
        public String reference = "";

        @NotBlank
        @Size(max = 500)
        public String title = "";

        @Size(max = 4000)
        public String description = "";

        @NotNull
        public @Nullable Nature nature = Nature.GOODS;

        @NotBlank
        public String procedureCode = "";

        @NotNull
        @Positive
        public @Nullable BigDecimal amount;

        @NotBlank
        @Pattern(regexp = "[A-Za-z]{3}")
        public String currency = "";

        @Size(max = 200)
        public String fundingSource = "";

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        public @Nullable LocalDate launch;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        public @Nullable LocalDate opening;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        public @Nullable LocalDate award;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        public @Nullable LocalDate signature;

        static PlanLineForm empty(String currency) {
            PlanLineForm form = new PlanLineForm();
            form.currency = currency;
            return form;
        }

        PlanLine.Draft draft() {
            return new PlanLine.Draft(
                    reference,
                    title,
                    description,
                    Objects.requireNonNull(nature),
                    procedureCode,
                    Objects.requireNonNull(amount),
                    currency,
                    fundingSource,
                    launch,
                    opening,
                    award,
                    signature);
        }
    }

    @InitBinder("planLine")
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    /** The reason for revising a published plan. */
    record RevisionForm(@NotBlank @Size(max = 2000) String reason) {}

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
            RedirectAttributes redirect) {
        return forms.act(redirect, "/buyer/plans", () -> {
            UUID id = plans.create(user, authority, year);
            return forms.redirect(redirect, "/buyer/plans/" + id, "buyer.plan.created");
        });
    }

    @GetMapping("/buyer/plans/{id}")
    String plan(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        PlanView plan = plans.forStaff(user, id);
        model.addAttribute("plan", plan);
        model.addAttribute("pack", packs.pack(new CountryCode(plan.country())));
        model.addAttribute("natures", Nature.values());
        model.addAttribute("isPrm", user.hasRoleIn(plan.authorityId(), Role.PRM));
        if (!model.containsAttribute("planLine")) {
            model.addAttribute(
                    "planLine",
                    PlanLineForm.empty(packs.pack(new CountryCode(plan.country()))
                            .currency()
                            .getCurrencyCode()));
        }
        if (!model.containsAttribute("revision")) {
            model.addAttribute("revision", new RevisionForm(""));
        }
        if (!model.containsAttribute("planImport")) {
            model.addAttribute("planImport", new PlanImportForm());
        }
        return "planning/buyer-plan";
    }

    @PostMapping("/buyer/plans/{id}/lines")
    String saveLine(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @Valid @ModelAttribute("planLine") PlanLineForm form,
            BindingResult errors,
            RedirectAttributes redirect,
            Model model) {
        return forms.on(errors)
                .namingField(PlanningErrorCode.REQUIRED)
                .field(PlanningErrorCode.DUPLICATE_REFERENCE, "reference")
                .alias("object", "title")
                .alias("procedure", "procedureCode")
                .alias("funding", "fundingSource")
                .run(
                        () -> plans.saveLine(user, id, form.lineId, form.draft()),
                        () -> forms.redirect(redirect, "/buyer/plans/" + id, "buyer.plan.line-saved"),
                        () -> plan(user, id, model));
    }

    @PostMapping("/buyer/plans/{id}/lines/{lineId}/remove")
    String removeLine(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @PathVariable UUID lineId,
            RedirectAttributes redirect) {
        return forms.act(
                redirect, "/buyer/plans/" + id, "buyer.plan.line-removed", () -> plans.removeLine(user, id, lineId));
    }

    /** The spreadsheet to import (label {@code planImport.file}). */
    public static class PlanImportForm {
        public @Nullable MultipartFile file;
    }

    @InitBinder("planImport")
    void bindImport(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @PostMapping(path = "/buyer/plans/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String importLines(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @ModelAttribute("planImport") PlanImportForm form,
            BindingResult errors,
            RedirectAttributes redirect,
            Model model,
            Locale locale) {
        MultipartFile file = form.file;
        if (file == null || file.isEmpty()) {
            errors.rejectValue("file", "NotNull");
        }
        return forms.on(errors)
                .submit(
                        () -> importRows(user, id, java.util.Objects.requireNonNull(file)),
                        rows -> {
                            if (rows.isEmpty()) {
                                return forms.redirect(redirect, "/buyer/plans/" + id, "buyer.plan.imported");
                            }
                            errors.rejectValue(
                                    "file", "error.planning.import-failed", new Object[] {rows.size()}, null);
                            model.addAttribute("importErrors", rowErrors(rows, locale));
                            return plan(user, id, model);
                        },
                        () -> plan(user, id, model));
    }

    /** Each row's error in the reader's language: its row, its column's label and what is wrong. */
    private List<String> rowErrors(List<Plans.RowError> rows, Locale locale) {
        return rows.stream()
                .map(e -> messages.getMessage(
                        "buyer.plan.import-error",
                        new Object[] {
                            e.row(),
                            messages.getMessage("plan.line." + e.column(), null, e.column(), locale),
                            messages.getMessage(e.messageKey(), e.arguments().toArray(), locale)
                        },
                        locale))
                .toList();
    }

    private List<Plans.RowError> importRows(CurrentUser user, UUID id, MultipartFile file) {
        try (InputStream content = file.getInputStream()) {
            return plans.importLines(
                    user, id, file.getOriginalFilename() == null ? "import.csv" : file.getOriginalFilename(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
    String validate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return forms.act(redirect, "/buyer/plans/" + id, "buyer.plan.validated", () -> plans.validate(user, id));
    }

    @PostMapping("/buyer/plans/{id}/reopen")
    String reopen(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return forms.act(redirect, "/buyer/plans/" + id, "buyer.plan.reopened", () -> plans.reopen(user, id));
    }

    @PostMapping("/buyer/plans/{id}/publish")
    String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return forms.act(redirect, "/buyer/plans/" + id, "buyer.plan.published", () -> plans.publish(user, id));
    }

    @PostMapping("/buyer/plans/{id}/revise")
    String revise(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @Valid @ModelAttribute("revision") RevisionForm form,
            BindingResult errors,
            RedirectAttributes redirect,
            Model model) {
        return forms.on(errors)
                .namingField(PlanningErrorCode.REQUIRED)
                .submit(
                        () -> plans.revise(user, id, form.reason()),
                        revision -> forms.redirect(redirect, "/buyer/plans/" + revision, "buyer.plan.revised"),
                        () -> plan(user, id, model));
    }

    static List<CurrentUser.Membership> authorities(CurrentUser user) {
        return user.organisationsWith(OrganisationKind.CONTRACTING_AUTHORITY, Role.PRM, Role.BUYER);
    }
}
