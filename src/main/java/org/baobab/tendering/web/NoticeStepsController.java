// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.tendering.NoticeSteps;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingErrorCode;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The guided notice editor on a draft: one page per step ({@link NoticeStep}), each a plain form that saves the
 * step's fields onto the stored notice when it is left. A step with errors is shown again with every error next to its
 * field and nothing saved; a step left without errors is saved and marked completed, and the buyer goes on to the next
 * step or back to the process page to resume later.
 */
@Controller
class NoticeStepsController {

    private final Tendering tendering;
    private final NoticeSteps steps;
    private final RulePacks packs;
    private final StepPages pages;
    private final MessageSource messages;

    NoticeStepsController(
            Tendering tendering, NoticeSteps steps, RulePacks packs, StepPages pages, MessageSource messages) {
        this.tendering = tendering;
        this.steps = steps;
        this.packs = packs;
        this.pages = pages;
        this.messages = messages;
    }

    /** The stored notice, as the form the step's fields are bound onto (fields of other steps stay as stored). */
    @ModelAttribute
    void stored(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        ProcessView process = tendering.forStaff(user, id);
        RulePack pack = packs.pack(new CountryCode(process.country()));
        model.addAttribute("process", process);
        model.addAttribute("form", NoticeForm.of(process.notice(), pack.timeZone(), process.version()));
    }

    @GetMapping("/buyer/processes/{id}/steps/{step}")
    String show(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @PathVariable String step,
            @ModelAttribute("form") NoticeForm form,
            Model model) {
        NoticeStep current = step(step);
        ProcessView process = (ProcessView) model.getAttribute("process");
        if (current == NoticeStep.LOTS && process.status().editable()) {
            form.withEmptyLotRows();
        }
        return render(user, model, current, form, process);
    }

    @PostMapping("/buyer/processes/{id}/steps/{step}")
    String leave(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @PathVariable String step,
            @RequestParam(defaultValue = "next") String then,
            @ModelAttribute("form") NoticeForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale) {
        NoticeStep current = step(step);
        ProcessView process = (ProcessView) model.getAttribute("process");
        RulePack pack = packs.pack(new CountryCode(process.country()));
        if (current.savesNotice()) {
            pages.check(current, form, pack, false, binding);
        }
        if (binding.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(user, model, current, form, process);
        }
        try {
            if (current.savesNotice()) {
                steps.save(user, id, form.getVersion(), form.toDraft(pack.timeZone()), current.getSlug());
            } else if (current != NoticeStep.REVIEW) {
                steps.complete(user, id, current.getSlug());
            }
        } catch (BaobabException e) {
            response.setStatus(e.errorCode().httpStatus());
            model.addAttribute("error", messages.getMessage(e.errorCode().messageKey(), e.arguments(), locale));
            return render(user, model, current, form, process);
        }
        redirect.addFlashAttribute(
                "message", messages.getMessage("wizard.saved", new Object[] {current.getNumber()}, locale));
        NoticeStep next = current.next();
        return "leave".equals(then) || next == null
                ? "redirect:/buyer/processes/" + id
                : "redirect:/buyer/processes/" + id + "/steps/" + next.getSlug();
    }

    private String render(CurrentUser user, Model model, NoticeStep step, NoticeForm form, ProcessView process) {
        CurrentUser.Membership membership = BuyerProcessesController.authority(user, process.authorityId());
        RulePack pack = packs.pack(new CountryCode(process.country()));
        Set<String> completed = steps.completed(user, process.id());
        return pages.render(model, step, membership, pack, form, process, completed);
    }

    private static NoticeStep step(String slug) {
        return NoticeStep.of(slug).orElseThrow(() -> new BaobabException(TenderingErrorCode.UNKNOWN_PROCESS, slug));
    }
}
