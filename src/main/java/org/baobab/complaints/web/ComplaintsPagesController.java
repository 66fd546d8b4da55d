// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints.web;

import java.util.UUID;
import org.baobab.complaints.Complaint;
import org.baobab.complaints.Complaints;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.RulePacks;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public list of complaints ({@code /complaints}, public parts only) and the regulator's complaints desk
 * ({@code /regulator/complaints}): the complaints not yet decided in the officer's country, the most urgent first,
 * with the step due and the days left.
 */
@Controller
class ComplaintsPagesController {

    private final Complaints complaints;
    private final RulePacks packs;

    ComplaintsPagesController(Complaints complaints, RulePacks packs) {
        this.complaints = complaints;
        this.packs = packs;
    }

    @GetMapping("/complaints")
    String list(Model model) {
        model.addAttribute("complaints", complaints.latest(ComplaintsApiController.LATEST));
        return "complaints/list";
    }

    /** A complaint's page, for its parties only: the structured complaint, its deadlines and its exchanges. */
    @GetMapping("/complaints/{id}")
    String complaint(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        Complaint c = complaints.complaint(user, id);
        model.addAttribute("c", c);
        model.addAttribute("today", packs.today(c.country()));
        model.addAttribute("party", complaints.party(user, id));
        model.addAttribute("outcomes", Complaint.Outcome.values());
        return "complaints/complaint";
    }

    /** The complaints against the processes of the authorities where the user is PRM or buyer, newest first. */
    @GetMapping("/buyer/complaints")
    String authority(@AuthenticationPrincipal CurrentUser user, Model model) {
        java.util.List<Complaint> list = new java.util.ArrayList<>();
        user.memberships().stream()
                .filter(m -> m.role() == org.baobab.shared.Role.PRM || m.role() == org.baobab.shared.Role.BUYER)
                .map(CurrentUser.Membership::organisationId)
                .distinct()
                .forEach(a -> list.addAll(complaints.ofAuthority(user, a)));
        model.addAttribute("complaints", list);
        model.addAttribute("packs", packs);
        model.addAttribute("authority", true);
        return "complaints/desk";
    }

    @GetMapping("/regulator/complaints")
    String desk(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("complaints", complaints.desk(user));
        model.addAttribute("packs", packs);
        model.addAttribute("authority", false);
        return "complaints/desk";
    }
}
