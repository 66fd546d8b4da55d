// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.RulePacks;
import org.baobab.shared.CountryCode;
import org.baobab.shared.web.FormErrors;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingErrorCode;
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

/** The control body's prior review: the queue of its country's processes, one process, and the decision. */
@Controller
class ReviewController {

    private final Tendering tendering;
    private final RulePacks packs;
    private final FormErrors forms;

    ReviewController(Tendering tendering, RulePacks packs, FormErrors forms) {
        this.tendering = tendering;
        this.packs = packs;
        this.forms = forms;
    }

    @GetMapping("/review")
    String queue(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", tendering.reviewQueue(user, page));
        return "tendering/review-queue";
    }

    /** The controller's decision form: the comments, mandatory to return the notice. */
    public record ReviewForm(@Size(max = Tendering.MAX_TEXT) String comments) {
        public ReviewForm {
            comments = comments == null ? "" : comments;
        }
    }

    @GetMapping("/review/{id}")
    String process(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        ProcessView process = tendering.forStaff(user, id);
        model.addAttribute("process", process);
        model.addAttribute("checks", tendering.checks(id));
        model.addAttribute("pack", packs.pack(new CountryCode(process.country())));
        if (!model.containsAttribute("review")) {
            model.addAttribute("review", new ReviewForm(""));
        }
        return "tendering/review-process";
    }

    /** Approves, or returns with comments; a refusal shows the page again with the error beside the comments. */
    @PostMapping("/review/{id}")
    String decide(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam String decision,
            @Valid @ModelAttribute("review") ReviewForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        boolean approve = "approve".equals(decision);
        return forms.on(errors)
                .namingField(TenderingErrorCode.REQUIRED)
                .field(TenderingErrorCode.TOO_LONG, "comments")
                .run(
                        () -> tendering.decideReview(user, id, approve, form.comments()),
                        () -> forms.redirect(redirect, "/review", approve ? "review.approved" : "review.returned"),
                        () -> {
                            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                            return process(user, id, model);
                        });
    }
}
