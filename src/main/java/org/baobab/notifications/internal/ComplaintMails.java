// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.baobab.complaints.Complaint;
import org.baobab.complaints.ComplaintEvent;
import org.baobab.complaints.Complaints;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.notifications.internal.Inbox.Argument;
import org.baobab.notifications.internal.Inbox.Kind;
import org.baobab.rules.Deadline;
import org.baobab.rules.PackFormat;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a complaint's parties of each step, by mail from the outbox and in the notification centre, with the next
 * deadline the pack sets: the authority's PRMs of a complaint filed against their process (and the last day to answer),
 * the complainant's admins and signatories of the answer (and the last day to go to the regulator), the regulator's
 * complaints officers and the authority of an escalation (and the last day to decide), and both parties of a
 * suspension, its release and the decision. The one who acted is not told of their own step; the exchanges of messages
 * stay on the complaint's page.
 */
@Component
class ComplaintMails {

    private final Complaints complaints;
    private final Accounts accounts;
    private final PackFormat format;
    private final Inbox inbox;
    private final PersonalMails mails;
    private final Clock clock;

    ComplaintMails(
            Complaints complaints,
            Accounts accounts,
            PackFormat format,
            Inbox inbox,
            PersonalMails mails,
            Clock clock) {
        this.complaints = complaints;
        this.accounts = accounts;
        this.format = format;
        this.inbox = inbox;
        this.mails = mails;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ComplaintEvent event) {
        String step = step(event.action());
        if (step == null) {
            return;
        }
        Complaint c =
                complaints.forItsParties(UUID.fromString(event.complaintId())).orElse(null);
        if (c == null) {
            return;
        }
        Map<UUID, CurrentUser> people = new LinkedHashMap<>();
        boolean authority = !step.equals("answered");
        boolean complainant = !step.equals("filed") && !step.equals("escalated");
        if (authority) {
            accounts.holders(c.authorityId(), Role.PRM).forEach(u -> people.putIfAbsent(u.id(), u));
        }
        if (complainant) {
            for (Role role : List.of(Role.SUPPLIER_ADMIN, Role.SIGNATORY)) {
                accounts.holders(c.complainantId(), role).forEach(u -> people.putIfAbsent(u.id(), u));
            }
        }
        if (step.equals("escalated")) {
            accounts.organisations().stream()
                    .filter(o -> o.kind() == OrganisationKind.REGULATOR
                            && o.country().equals(c.country()))
                    .forEach(o -> accounts.holders(o.id(), Role.COMPLAINTS_OFFICER)
                            .forEach(u -> people.putIfAbsent(u.id(), u)));
        }
        people.values().removeIf(u -> u.email().equals(event.actor()));
        if (people.isEmpty()) {
            return;
        }
        @Nullable
        Deadline due = switch (step) {
            case "filed" -> c.answerBy();
            case "answered" -> c.escalateBy();
            case "escalated" -> c.decideBy();
            default -> null;
        };
        // a complaint may be suspended and released more than once: each time is its own notification
        String occurrence = step + "-" + c.suspensions().size();
        String link = "/complaints/" + c.id();
        for (CurrentUser person : people.values()) {
            Locale locale = Locale.forLanguageTag(person.language());
            mails.send(
                    "complaint-" + occurrence + ":" + c.id() + ":" + person.id(),
                    person,
                    link,
                    "complaint-" + step,
                    Map.of(
                            "step",
                            step,
                            "title",
                            c.processTitle(),
                            "complainant",
                            c.complainantName(),
                            "due",
                            due == null ? "" : format.date(due.lastDay(), locale)));
        }
        inbox.add(
                List.copyOf(people.keySet()),
                Kind.COMPLAINT,
                c.ocid(),
                c.id() + ":" + occurrence,
                link,
                "centre.complaint." + step,
                List.of(Argument.text(c.processTitle()), Argument.text(c.complainantName())),
                clock.instant());
    }

    private static @Nullable String step(String action) {
        return switch (action) {
            case "complaints.filed" -> "filed";
            case "complaints.answered" -> "answered";
            case "complaints.escalated" -> "escalated";
            case "complaints.suspended" -> "suspended";
            case "complaints.suspension-lifted" -> "lifted";
            case "complaints.decided" -> "decided";
            default -> null;
        };
    }
}
