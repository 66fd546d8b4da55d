// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.Committees;
import org.baobab.opening.OpeningErrorCode;
import org.baobab.shared.BaobabException;
import org.baobab.shared.Role;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.Tendering;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The PRM chooses a process's opening committee and threshold before publication ({@code
 * /buyer/processes/{id}/committee}); the authority's staff see the committee the process would be sealed to, or was.
 * Bad input is answered with a translated error and changes nothing.
 */
@Controller
class CommitteeDesignationController {

    private final Committees committees;
    private final Tendering tendering;
    private final MessageSource messages;

    CommitteeDesignationController(Committees committees, Tendering tendering, MessageSource messages) {
        this.committees = committees;
        this.tendering = tendering;
        this.messages = messages;
    }

    @GetMapping("/buyer/processes/{id}/committee")
    String page(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        return render(user, tendering.forStaff(user, id), model);
    }

    @PostMapping("/buyer/processes/{id}/committee")
    String designate(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(name = "member", required = false) @Nullable List<String> members,
            @RequestParam(required = false) @Nullable String threshold,
            Model model,
            RedirectAttributes redirect,
            Locale locale,
            jakarta.servlet.http.HttpServletResponse response) {
        ProcessView process = tendering.forStaff(user, id);
        List<String> chosen = members == null ? List.of() : members;
        try {
            List<UUID> ids = new ArrayList<>();
            for (String m : chosen) {
                try {
                    ids.add(UUID.fromString(m));
                } catch (IllegalArgumentException e) {
                    throw new BaobabException(OpeningErrorCode.NOT_ELIGIBLE);
                }
            }
            int k;
            try {
                k = Integer.parseInt(threshold == null ? "" : threshold.strip());
            } catch (NumberFormatException e) {
                k = -1;
            }
            if (k < 0) {
                int n = ids.size();
                throw new BaobabException(
                        OpeningErrorCode.BAD_THRESHOLD,
                        committees.rule(process.country()).quorum(Math.max(n, 2)),
                        n);
            }
            committees.designate(user, id, ids, k);
        } catch (BaobabException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", messages.getMessage(e.errorCode().messageKey(), e.arguments(), locale));
            model.addAttribute("chosen", chosen);
            model.addAttribute("threshold", threshold);
            return render(user, process, model);
        }
        redirect.addFlashAttribute("message", messages.getMessage("committee.designation.saved", null, locale));
        return "redirect:/buyer/processes/" + id + "/committee";
    }

    private String render(CurrentUser user, ProcessView process, Model model) {
        model.addAttribute("process", process);
        model.addAttribute("fixed", committees.forProcess(process.ocid()).orElse(null));
        Committees.Proposal proposal = committees.proposal(process);
        model.addAttribute("proposal", proposal);
        model.addAttribute("rule", proposal.rule());
        model.addAttribute(
                "canDesignate", user.hasRoleIn(process.authorityId(), Role.PRM) && process.publishedAt() == null);
        if (!model.containsAttribute("chosen")) {
            model.addAttribute(
                    "chosen",
                    proposal.members().stream().map(c -> c.userId().toString()).toList());
            model.addAttribute("threshold", proposal.threshold() == 0 ? "" : String.valueOf(proposal.threshold()));
        }
        return "opening/designation";
    }
}
