// SPDX-License-Identifier: Apache-2.0
package org.baobab.award.web;

import java.util.Locale;
import org.baobab.award.AwardDecisions;
import org.baobab.award.Awards;
import org.baobab.award.PriorReviews;
import org.baobab.complaints.Complaints;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.Role;
import org.baobab.shared.web.FormErrors;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The award page of a process ({@code /award/{ocid}}): the recommendation, the prior review, the complaints' state,
 * the standstill, and the PRM's and the controller's forms; and the bidder's own result ({@code /award/{ocid}/mine}).
 * A refused step shows its translated error on the page and changes nothing.
 */
@Controller
class AwardPagesController {

    private final Awards awards;
    private final PriorReviews reviews;
    private final AwardDecisions decisions;
    private final Complaints complaints;
    private final Notices notices;
    private final FormErrors forms;

    AwardPagesController(
            Awards awards,
            PriorReviews reviews,
            AwardDecisions decisions,
            Complaints complaints,
            Notices notices,
            FormErrors forms) {
        this.awards = awards;
        this.reviews = reviews;
        this.decisions = decisions;
        this.complaints = complaints;
        this.notices = notices;
        this.forms = forms;
    }

    @GetMapping("/award/{ocid}")
    String page(@AuthenticationPrincipal CurrentUser user, @PathVariable String ocid, Model model) {
        var award = awards.forStaff(user, ocid);
        ProcessView process = notices.notice(ocid).orElseThrow();
        model.addAttribute("process", process);
        model.addAttribute("award", award.orElse(null));
        model.addAttribute("prm", user.hasRoleIn(process.authorityId(), Role.PRM));
        model.addAttribute("controller", user.controlBodyFor(process.country()).isPresent());
        model.addAttribute("suspended", complaints.suspended(ocid));
        model.addAttribute("pending", complaints.pending(ocid));
        model.addAttribute("today", awards.today(process.country()));
        return "award/manage";
    }

    @GetMapping("/award/reviews")
    String reviews(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("processes", awards.reviewQueue(user));
        return "award/reviews";
    }

    @GetMapping("/award/{ocid}/mine")
    String mine(@AuthenticationPrincipal CurrentUser user, @PathVariable String ocid, Model model) {
        ProcessView process = notices.notice(ocid).orElseThrow(() -> new org.baobab.shared.NotFoundException(ocid));
        model.addAttribute("process", process);
        model.addAttribute("results", awards.mine(user, ocid));
        model.addAttribute("award", awards.published(ocid).orElseThrow());
        return "award/mine";
    }

    @PostMapping("/award/{ocid}/review-request")
    String requestReview(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            Locale locale,
            RedirectAttributes redirect) {
        return act(ocid, locale, redirect, () -> reviews.submitForReview(user, ocid));
    }

    @PostMapping("/award/{ocid}/review")
    String review(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            @RequestParam(defaultValue = "false") boolean approve,
            @RequestParam(defaultValue = "") String comments,
            Locale locale,
            RedirectAttributes redirect) {
        return act(ocid, locale, redirect, () -> reviews.review(user, ocid, approve, comments));
    }

    @PostMapping("/award/{ocid}/provisional")
    String provisional(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            Locale locale,
            RedirectAttributes redirect) {
        return act(ocid, locale, redirect, () -> decisions.publishProvisional(user, ocid));
    }

    @PostMapping("/award/{ocid}/final")
    String finalise(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            Locale locale,
            RedirectAttributes redirect) {
        return act(ocid, locale, redirect, () -> decisions.finalise(user, ocid));
    }

    @PostMapping("/award/{ocid}/cancel")
    String cancel(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            @RequestParam(defaultValue = "") String reason,
            Locale locale,
            RedirectAttributes redirect) {
        return act(ocid, locale, redirect, () -> decisions.cancel(user, ocid, reason));
    }

    private String act(String ocid, Locale locale, RedirectAttributes redirect, Runnable step) {
        return forms.act(redirect, "/award/" + ocid, "award.page.done", "award", step);
    }
}
