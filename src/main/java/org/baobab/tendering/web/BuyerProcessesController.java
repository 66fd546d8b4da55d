// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.planning.PlanLine;
import org.baobab.planning.PlanningErrorCode;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.shared.web.FormErrors;
import org.baobab.tendering.NoticeSteps;
import org.baobab.tendering.ProcessStatus;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.SearchResult;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The authority's staff at work on their processes: the list, a new process (outside the plan, with its reason), the
 * notice form with the rule pack's findings beside it, documents, and the workflow actions. Every action posts and
 * redirects back (no JavaScript needed); a refusal comes back as a translated message and changes nothing.
 */
@Controller
class BuyerProcessesController {

    /** Where the document actions return: the documents step of the notice editor, which holds their forms. */
    private static final String DOCUMENTS_STEP = "/steps/" + NoticeStep.DOCUMENTS.getSlug();

    private final Tendering tendering;
    private final RulePacks packs;
    private final TenderingFormat format;
    private final MessageSource messages;
    private final NoticeSteps steps;
    private final StepPages pages;
    private final FormErrors forms;

    BuyerProcessesController(
            Tendering tendering,
            RulePacks packs,
            TenderingFormat format,
            MessageSource messages,
            NoticeSteps steps,
            StepPages pages,
            FormErrors forms) {
        this.forms = forms;
        this.steps = steps;
        this.pages = pages;
        this.tendering = tendering;
        this.packs = packs;
        this.format = format;
        this.messages = messages;
    }

    @GetMapping("/buyer/processes")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        List<CurrentUser.Membership> authorities = authorities(user);
        model.addAttribute("authorities", authorities);
        SearchResult<ProcessView> result = tendering.processesOf(
                user,
                authorities.stream()
                        .map(CurrentUser.Membership::organisationId)
                        .distinct()
                        .toList(),
                page);
        model.addAttribute("result", result);
        model.addAttribute("stages", tendering.stages(result.items()));
        return "tendering/buyer-processes";
    }

    @GetMapping("/buyer/processes/new")
    String newProcess(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID authority,
            @RequestParam(required = false) @Nullable UUID line,
            Model model) {
        CurrentUser.Membership membership = authority(user, authority);
        RulePack pack = packs.pack(new CountryCode(membership.country()));
        NoticeForm form = new NoticeForm();
        form.setCurrency(pack.currency().getCurrencyCode());
        form.setBuyerCategory(org.baobab.rules.BuyerCategory.ALL);
        form.setContactEmail(user.email());
        form.setContactName(user.fullName());
        if (line != null) {
            PlanLine planned = tendering
                    .launchableLine(user, membership.organisationId(), line)
                    .orElseThrow(() -> new BaobabException(PlanningErrorCode.LINE_UNAVAILABLE));
            form.setPlanLine(planned.id());
            form.setReference(planned.reference());
            form.setTitle(planned.title());
            form.setDescription(planned.description());
            form.setNature(planned.nature());
            form.setProcedureCode(planned.procedureCode());
            form.setEstimatedValue(planned.amount());
            form.setCurrency(planned.currency());
        }
        return pages.render(model, NoticeStep.WHAT, membership, pack, form, null, Set.of());
    }

    /**
     * Leaves the first step of a new notice: every error of the step at once, next to its field, or the process is
     * created with what the step holds and the editor goes on to the next step (or back to the list, to resume later).
     */
    @PostMapping("/buyer/processes")
    String create(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam UUID authority,
            @RequestParam(defaultValue = "next") String then,
            @ModelAttribute("form") NoticeForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale) {
        CurrentUser.Membership membership = authority(user, authority);
        RulePack pack = packs.pack(new CountryCode(membership.country()));
        if (form.getContactEmail().isBlank()) {
            // the contact is asked on the dates step; until then it is the person who opens the process
            form.setContactEmail(user.email());
            form.setContactName(user.fullName());
        }
        pages.check(NoticeStep.WHAT, form, pack, form.getPlanLine() == null, binding);
        if (binding.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return pages.render(model, NoticeStep.WHAT, membership, pack, form, null, Set.of());
        }
        try {
            UUID id = steps.create(
                    user,
                    authority,
                    form.getPlanLine(),
                    form.getOutOfPlanReason(),
                    form.toDraft(pack.timeZone()),
                    NoticeStep.WHAT.getSlug());
            redirect.addFlashAttribute("message", messages.getMessage("buyer.process.created", null, locale));
            return "leave".equals(then)
                    ? "redirect:/buyer/processes/" + id
                    : "redirect:/buyer/processes/" + id + "/steps/" + NoticeStep.LOTS.getSlug();
        } catch (BaobabException e) {
            response.setStatus(e.errorCode().httpStatus());
            model.addAttribute("error", message(e, locale));
            return pages.render(model, NoticeStep.WHAT, membership, pack, form, null, Set.of());
        }
    }

    /** The process: its steps (those completed marked), the checks, the documents, and the workflow actions. */
    @GetMapping("/buyer/processes/{id}")
    String process(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        ProcessView process = tendering.forStaff(user, id);
        CurrentUser.Membership membership = authority(user, process.authorityId());
        RulePack pack = packs.pack(new CountryCode(process.country()));
        NoticeForm form = NoticeForm.of(process.notice(), pack.timeZone(), process.version());
        return editor(model, user, membership, pack, form, process);
    }

    /**
     * Saves the whole notice at once (every field of every step), as the single-page form of earlier versions did;
     * the editor's pages save step by step instead.
     */
    @PostMapping("/buyer/processes/{id}")
    String save(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @ModelAttribute("form") NoticeForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        ProcessView process = tendering.forStaff(user, id);
        CurrentUser.Membership membership = authority(user, process.authorityId());
        RulePack pack = packs.pack(new CountryCode(process.country()));
        if (binding.hasErrors()) {
            model.addAttribute("error", messages.getMessage("error.shared.invalid-input", null, locale));
            return editor(model, user, membership, pack, form, process);
        }
        try {
            tendering.edit(user, id, form.getVersion(), form.toDraft(pack.timeZone()));
        } catch (BaobabException e) {
            model.addAttribute("error", message(e, locale));
            return editor(model, user, membership, pack, form, process);
        }
        redirect.addFlashAttribute("message", messages.getMessage("buyer.process.saved", null, locale));
        return "redirect:/buyer/processes/" + id;
    }

    @PostMapping(path = "/buyer/processes/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String attach(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "biddingDocuments") String documentType,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        return act(id, DOCUMENTS_STEP, redirect, locale, "buyer.document.attached", () -> {
            try (InputStream content = file.getInputStream()) {
                tendering.attachDocument(
                        user,
                        id,
                        content,
                        file.getOriginalFilename() == null ? "document" : file.getOriginalFilename(),
                        file.getContentType(),
                        title,
                        documentType);
            }
        });
    }

    @PostMapping("/buyer/processes/{id}/documents/{documentId}/remove")
    String removeDocument(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @PathVariable UUID documentId,
            RedirectAttributes redirect,
            Locale locale) {
        return act(
                id,
                DOCUMENTS_STEP,
                redirect,
                locale,
                "buyer.document.removed",
                () -> tendering.removeDocument(user, id, documentId));
    }

    @PostMapping("/buyer/processes/{id}/submit")
    String submit(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, "buyer.process.submitted", () -> tendering.submitForReview(user, id));
    }

    @PostMapping("/buyer/processes/{id}/publish")
    String publish(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, "buyer.process.published", () -> tendering.publish(user, id));
    }

    /** Publishes an addendum; a refusal shows the process page again with the error beside its field. */
    @PostMapping(path = "/buyer/processes/{id}/addenda", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String addendum(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @ModelAttribute("addendum") ProcessForms.AddendumForm form,
            BindingResult errors,
            @RequestParam(value = "file", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return forms.on(errors)
                .namingField(TenderingErrorCode.REQUIRED)
                .field(TenderingErrorCode.DEADLINE_NOT_LATER, "newDeadline")
                .field(TenderingErrorCode.INVALID_VALUE, "newOpeningAt")
                .field(TenderingErrorCode.TOO_LONG, "description")
                .run(
                        () -> publishAddendum(user, id, form, file),
                        () -> forms.redirect(redirect, "/buyer/processes/" + id, "buyer.addendum.published"),
                        () -> {
                            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                            return process(user, id, model);
                        });
    }

    private void publishAddendum(
            CurrentUser user, UUID id, ProcessForms.AddendumForm form, @Nullable MultipartFile file) {
        ProcessView process = tendering.forStaff(user, id);
        ZoneId zone = format.zone(process.country());
        boolean withFile = file != null && !file.isEmpty();
        try (InputStream content = withFile ? file.getInputStream() : null) {
            tendering.publishAddendum(
                    user,
                    id,
                    new Tendering.AddendumRequest(
                            form.description(),
                            form.newDeadline() == null
                                    ? null
                                    : form.newDeadline().atZone(zone).toInstant(),
                            form.newOpeningAt() == null
                                    ? null
                                    : form.newOpeningAt().atZone(zone).toInstant(),
                            content,
                            withFile ? file.getOriginalFilename() : null,
                            withFile ? file.getContentType() : null,
                            form.documentTitle()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/buyer/processes/{id}/cancel")
    String cancel(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam String reason,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, "buyer.process.cancelled", () -> tendering.cancel(user, id, reason));
    }

    /** Answers a question; a refusal shows the process page again with the error under that question. */
    @PostMapping("/buyer/processes/{id}/questions/{questionId}/answer")
    String answer(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @PathVariable UUID questionId,
            @ModelAttribute("answer") ProcessForms.AnswerForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return forms.on(errors)
                .namingField(TenderingErrorCode.REQUIRED)
                .field(TenderingErrorCode.TOO_LONG, "answer")
                .run(
                        () -> tendering.answer(user, id, questionId, form.answer()),
                        () -> forms.redirect(redirect, "/buyer/processes/" + id, "buyer.question.answered"),
                        () -> {
                            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                            model.addAttribute("answering", questionId);
                            return process(user, id, model);
                        });
    }

    /** A command that may throw; its refusal is shown on the process page. */
    @FunctionalInterface
    interface Action {
        void run() throws IOException;
    }

    private String act(UUID id, RedirectAttributes redirect, Locale locale, String successKey, Action action) {
        return act(id, "", redirect, locale, successKey, action);
    }

    /** Runs the action and goes back to the process page, or to the page under it named by {@code back}. */
    private String act(
            UUID id, String back, RedirectAttributes redirect, Locale locale, String successKey, Action action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", messages.getMessage(successKey, null, locale));
        } catch (BaobabException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        } catch (IOException e) {
            redirect.addFlashAttribute("error", messages.getMessage("error.shared.invalid-input", null, locale));
        }
        return "redirect:/buyer/processes/" + id + back;
    }

    /** The process page: the steps of the notice editor (completed ones marked), the checks, the actions. */
    private String editor(
            Model model,
            CurrentUser user,
            CurrentUser.Membership membership,
            RulePack pack,
            NoticeForm form,
            ProcessView process) {
        Set<String> completed = steps.completed(user, process.id());
        model.addAttribute("form", form);
        model.addAttribute("process", process);
        model.addAttribute("authority", membership);
        model.addAttribute("pack", pack);
        model.addAttribute("steps", NoticeStep.values());
        model.addAttribute("completed", completed);
        model.addAttribute(
                "resume",
                Arrays.stream(NoticeStep.values())
                        .filter(s -> !completed.contains(s.getSlug()))
                        .findFirst()
                        .orElse(NoticeStep.REVIEW));
        model.addAttribute("isPrm", membership.role() == Role.PRM);
        model.addAttribute("checks", tendering.checks(process.id()));
        model.addAttribute("editable", process.status() == ProcessStatus.DRAFT);
        if (!model.containsAttribute("addendum")) {
            model.addAttribute("addendum", ProcessForms.AddendumForm.empty());
        }
        if (!model.containsAttribute("answer")) {
            model.addAttribute("answer", new ProcessForms.AnswerForm(null, ""));
        }
        return "tendering/buyer-process";
    }

    private String message(BaobabException e, Locale locale) {
        return messages.getMessage(e.errorCode().messageKey(), e.arguments(), locale);
    }

    /** The contracting authorities the user works for as buyer or PRM (one entry per authority). */
    static List<CurrentUser.Membership> authorities(CurrentUser user) {
        return user.organisationsWith(OrganisationKind.CONTRACTING_AUTHORITY, Role.PRM, Role.BUYER);
    }

    static CurrentUser.Membership authority(CurrentUser user, @Nullable UUID authority) {
        return authorities(user).stream()
                .filter(m -> authority == null || m.organisationId().equals(authority))
                .findFirst()
                .orElseThrow(() -> new BaobabException(TenderingErrorCode.NOT_AUTHORITY_STAFF));
    }
}
