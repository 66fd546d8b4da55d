// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints.web;

import java.util.Locale;
import java.util.UUID;
import org.baobab.complaints.Complaint.Outcome;
import org.baobab.complaints.Complaints;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.shared.web.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the complaint page: the authority answers, the complainant goes to the regulator, any party writes, the
 * regulator's complaints officer suspends, lifts and decides. A refused step shows its translated error on the page
 * and changes nothing.
 */
@Controller
class ComplaintActionsController {

    private final Complaints complaints;
    private final FormErrors forms;

    ComplaintActionsController(Complaints complaints, FormErrors forms) {
        this.complaints = complaints;
        this.forms = forms;
    }

    @PostMapping("/complaints/{id}/answer")
    String answer(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String answer,
            Locale locale,
            RedirectAttributes redirect) {
        return act(id, locale, redirect, "answer", () -> complaints.answer(user, id, answer));
    }

    @PostMapping("/complaints/{id}/escalate")
    String escalate(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String grounds,
            Locale locale,
            RedirectAttributes redirect) {
        return act(id, locale, redirect, "grounds", () -> complaints.escalate(user, id, grounds));
    }

    @PostMapping("/complaints/{id}/messages")
    String message(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String message,
            Locale locale,
            RedirectAttributes redirect) {
        return act(id, locale, redirect, "message", () -> complaints.post(user, id, message));
    }

    @PostMapping("/regulator/complaints/{id}/suspend")
    String suspend(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            Locale locale,
            RedirectAttributes redirect) {
        return act(id, locale, redirect, "reason", () -> complaints.suspend(user, id, reason));
    }

    @PostMapping("/regulator/complaints/{id}/lift")
    String lift(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            Locale locale,
            RedirectAttributes redirect) {
        return act(id, locale, redirect, "lift", () -> complaints.lift(user, id));
    }

    @PostMapping("/regulator/complaints/{id}/decide")
    String decide(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String reasons,
            Locale locale,
            RedirectAttributes redirect) {
        return act(id, locale, redirect, "reasons", () -> {
            Outcome o;
            try {
                o = Outcome.valueOf(outcome);
            } catch (IllegalArgumentException e) {
                throw new BaobabException(org.baobab.complaints.ComplaintsErrorCode.INCOMPLETE);
            }
            complaints.decide(user, id, o, reasons);
        });
    }

    private String act(UUID id, Locale locale, RedirectAttributes redirect, String field, Runnable step) {
        return forms.act(
                redirect,
                "/complaints/" + id,
                () -> {
                    step.run();
                    return forms.redirect(redirect, "/complaints/" + id, "complaints.page.done");
                },
                () -> redirect.addFlashAttribute("errorField", field));
    }
}
