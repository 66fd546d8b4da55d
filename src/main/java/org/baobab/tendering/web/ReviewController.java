// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import java.util.Locale;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.Tendering;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The control body's prior review: the queue of its country's processes, one process, and the decision. */
@Controller
class ReviewController {

    private final Tendering tendering;
    private final RulePacks packs;
    private final MessageSource messages;

    ReviewController(Tendering tendering, RulePacks packs, MessageSource messages) {
        this.tendering = tendering;
        this.packs = packs;
        this.messages = messages;
    }

    @GetMapping("/review")
    String queue(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", tendering.reviewQueue(user, page));
        return "tendering/review-queue";
    }

    @GetMapping("/review/{id}")
    String process(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        ProcessView process = tendering.forStaff(user, id);
        model.addAttribute("process", process);
        model.addAttribute("checks", tendering.checks(id));
        model.addAttribute("pack", packs.pack(new CountryCode(process.country())));
        return "tendering/review-process";
    }

    @PostMapping("/review/{id}")
    String decide(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam String decision,
            @RequestParam(defaultValue = "") String comments,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            tendering.decideReview(user, id, "approve".equals(decision), comments);
            redirect.addFlashAttribute(
                    "message",
                    messages.getMessage(
                            "approve".equals(decision) ? "review.approved" : "review.returned", null, locale));
            return "redirect:/review";
        } catch (BaobabException e) {
            redirect.addFlashAttribute(
                    "error", messages.getMessage(e.errorCode().messageKey(), e.arguments(), locale));
            return "redirect:/review/" + id;
        }
    }
}
