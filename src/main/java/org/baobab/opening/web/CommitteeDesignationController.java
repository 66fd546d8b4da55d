// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.Committees;
import org.baobab.shared.Role;
import org.baobab.shared.web.FormErrors;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.Tendering;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The PRM chooses a process's opening committee and threshold before publication ({@code
 * /buyer/processes/{id}/committee}); the authority's staff see the committee the process would be sealed to, or was.
 * Bad input is answered with every error beside its field and in the summary (the form mechanism) and changes nothing.
 */
@Controller
class CommitteeDesignationController {

    private final Committees committees;
    private final Tendering tendering;
    private final FormErrors forms;

    CommitteeDesignationController(Committees committees, Tendering tendering, FormErrors forms) {
        this.committees = committees;
        this.tendering = tendering;
        this.forms = forms;
    }

    @GetMapping("/buyer/processes/{id}/committee")
    String page(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        return render(user, tendering.forStaff(user, id), model);
    }

    @PostMapping("/buyer/processes/{id}/committee")
    String designate(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @ModelAttribute("designation") DesignationForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        ProcessView process = tendering.forStaff(user, id);
        return forms.on(errors)
                .run(
                        () -> committees.designate(user, id, form.memberIds(), form.thresholdOrNone()),
                        () -> forms.redirect(
                                redirect, "/buyer/processes/" + id + "/committee", "committee.designation.saved"),
                        () -> {
                            response.setStatus(HttpStatus.BAD_REQUEST.value());
                            return render(user, process, model);
                        });
    }

    private String render(CurrentUser user, ProcessView process, Model model) {
        model.addAttribute("process", process);
        model.addAttribute("fixed", committees.forProcess(process.ocid()).orElse(null));
        Committees.Proposal proposal = committees.proposal(process);
        model.addAttribute("proposal", proposal);
        model.addAttribute("rule", proposal.rule());
        model.addAttribute(
                "canDesignate", user.hasRoleIn(process.authorityId(), Role.PRM) && process.publishedAt() == null);
        if (!model.containsAttribute("designation")) {
            model.addAttribute(
                    "designation",
                    new DesignationForm(
                            proposal.members().stream()
                                    .map(c -> c.userId().toString())
                                    .toList(),
                            proposal.threshold() == 0 ? "" : String.valueOf(proposal.threshold())));
        }
        return "opening/designation";
    }
}
