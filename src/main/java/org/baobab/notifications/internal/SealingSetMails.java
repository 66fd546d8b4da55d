// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.SealingSets;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.notifications.internal.Inbox.Argument;
import org.baobab.notifications.internal.Inbox.Kind;
import org.baobab.opening.OpeningEvents;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells each member of a sealing set, once it is fixed at its notice's publication, that a set was published with
 * their name and which key fingerprint it uses (and at which leaf of the transparency log), by mail and in the
 * notification centre, in their language: a key swapped in their name is then something they can see.
 */
@Component
class SealingSetMails {

    private final SealingSets sets;
    private final Accounts accounts;
    private final Notices notices;
    private final Inbox inbox;
    private final PersonalMails mails;
    private final Clock clock;

    SealingSetMails(
            SealingSets sets, Accounts accounts, Notices notices, Inbox inbox, PersonalMails mails, Clock clock) {
        this.sets = sets;
        this.accounts = accounts;
        this.notices = notices;
        this.inbox = inbox;
        this.mails = mails;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OpeningEvents.SealingSetFixed event) {
        SealingSet set = sets.forProcess(event.ocid()).orElse(null);
        if (set == null) {
            return;
        }
        ProcessView process = notices.notice(event.ocid()).orElse(null);
        String title = process == null ? event.ocid() : process.notice().title();
        String link = "/committee/key";
        for (SealingSet.Member member : set.members()) {
            // the fingerprint the log holds for this member (the event's, as fixed), not the table's as it is now
            String fingerprint = event.fingerprints().get(member.position() - 1);
            CurrentUser person = accounts.currentUser(member.userId()).orElse(null);
            if (person == null) {
                continue;
            }
            mails.send(
                    "sealing-set:" + event.ocid() + ":" + person.id(),
                    person,
                    link,
                    "sealing-set",
                    Map.of(
                            "title", title,
                            "ocid", event.ocid(),
                            "position", member.position(),
                            "members", set.members().size(),
                            "threshold", set.threshold(),
                            "fingerprint", fingerprint,
                            "logIndex", String.valueOf(event.logIndex())));
            inbox.add(
                    List.of(person.id()),
                    Kind.SEALING_SET,
                    event.ocid(),
                    fingerprint,
                    link,
                    "centre.sealing-set",
                    List.of(
                            Argument.text(title),
                            Argument.text(String.valueOf(member.position())),
                            Argument.text(fingerprint),
                            Argument.text(String.valueOf(event.logIndex()))),
                    clock.instant());
        }
    }
}
