// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.rules.TimeLimit;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.tendering.internal.IncidentStore;
import org.baobab.tendering.internal.OcdsPublication;
import org.baobab.tendering.internal.ProcessStore;
import org.baobab.tendering.internal.ProcessStore.Row;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the platform itself fails. A platform admin, or a member of a country's regulator for that country, declares
 * an incident once it is over: when bidders could not reach Baobab. Every published process of the scope whose bid
 * deadline fell inside it gets a new deadline, its rule pack's {@code INCIDENT_EXTENSION} after the incident's end (at
 * the same time of day), through a public addendum (so followers, alerts and OCDS hear of it as of any addendum), and
 * a process already closed at its deadline opens again. The opening moves by as much. Incidents are public, with the
 * deadlines they moved, and never edited.
 */
@Service
public class Incidents {

    /** How far back an incident may be declared: past that, bids are opened and the remedy is a complaint. */
    static final Duration LOOK_BACK = Duration.ofDays(30);

    static final String EXTENSION = "INCIDENT_EXTENSION";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final IncidentStore incidents;
    private final ProcessStore processes;
    private final OcdsPublication ocds;
    private final RulePacks packs;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Incidents(
            IncidentStore incidents,
            ProcessStore processes,
            OcdsPublication ocds,
            RulePacks packs,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.incidents = incidents;
        this.processes = processes;
        this.ocds = ocds;
        this.packs = packs;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the user may declare an incident, and for which country (null: any, for a platform admin). */
    public boolean mayDeclare(CurrentUser user, @Nullable String country) {
        if (user.hasRole(Role.PLATFORM_ADMIN)) {
            return true;
        }
        return country != null
                && user
                        .organisationsWith(OrganisationKind.REGULATOR, Role.COMPLAINTS_OFFICER, Role.REGULATOR_AUDITOR)
                        .stream()
                        .anyMatch(m -> m.country().equals(country));
    }

    /** Declares an incident and extends the deadlines it swallowed; returns its id. */
    @Transactional
    public UUID declare(CurrentUser actor, Incident.Draft draft) {
        String country = draft.country() == null || draft.country().isBlank()
                ? null
                : draft.country().strip().toUpperCase(Locale.ROOT);
        if (country != null
                && (!CountryCode.isValid(country) || packs.find(country).isEmpty())) {
            throw new BaobabException(TenderingErrorCode.INVALID_VALUE, country);
        }
        if (!mayDeclare(actor, country)) {
            throw new BaobabException(TenderingErrorCode.NOT_INCIDENT_DECLARER);
        }
        Instant now = clock.instant();
        if (!draft.endsAt().isAfter(draft.startsAt())
                || draft.endsAt().isAfter(now)
                || draft.startsAt().isBefore(now.minus(LOOK_BACK))) {
            throw new BaobabException(TenderingErrorCode.INCIDENT_PERIOD);
        }
        String description =
                draft.description() == null ? "" : draft.description().strip();
        if (description.length() < 10 || description.length() > 2000) {
            throw new BaobabException(TenderingErrorCode.REQUIRED, "description");
        }
        UUID id = UUID.randomUUID();
        incidents.insert(id, country, draft.startsAt(), draft.endsAt(), description, actor.email(), now);
        List<String> extended = new ArrayList<>();
        for (UUID processId : incidents.deadlinesWithin(country, draft.startsAt(), draft.endsAt())) {
            Row row = processes.row(processId).orElseThrow();
            extend(actor, id, row, draft, description, now);
            extended.add(row.ocid());
        }
        String organisation = actor.primaryMembership()
                .map(m -> m.organisationId().toString())
                .orElse(null);
        events.publishEvent(new TenderingEvents.IncidentDeclared(
                actor.email(), organisation, id.toString(), country, draft.startsAt(), draft.endsAt(), extended));
        return id;
    }

    private void extend(
            CurrentUser actor, UUID incident, Row row, Incident.Draft draft, String description, Instant now) {
        RulePack pack = packs.pack(new CountryCode(row.country()));
        TimeLimit limit = pack.timeLimit(EXTENSION)
                .orElseThrow(() -> new BaobabException(TenderingErrorCode.NO_INCIDENT_EXTENSION, row.country()));
        ZoneId zone = pack.timeZone();
        Instant oldDeadline = Objects.requireNonNull(row.notice().dates().submissionDeadline());
        ZonedDateTime old = oldDeadline.atZone(zone);
        LocalDate lastDay =
                pack.lastDay(limit, draft.endsAt().atZone(zone).toLocalDate()).lastDay();
        Instant newDeadline = lastDay.atTime(old.toLocalTime()).atZone(zone).toInstant();
        Duration moved = Duration.between(oldDeadline, newDeadline);
        Instant opening = row.notice().dates().openingAt();
        Instant newOpening = opening == null ? null : opening.plus(moved);
        Locale language = Locale.forLanguageTag(row.notice().language());
        String text = messages.getMessage(
                "incident.addendum",
                new Object[] {
                    draft.startsAt().atZone(zone).format(LOCAL),
                    draft.endsAt().atZone(zone).format(LOCAL),
                    zone.getId(),
                    newDeadline.atZone(zone).format(LOCAL),
                    description
                },
                language);
        int number = processes.nextAddendumNumber(row.id());
        processes.insertAddendum(
                row.id(),
                new ProcessView.Addendum(number, text, oldDeadline, newDeadline, newOpening, now),
                actor.email());
        processes.moveDeadlines(row.id(), newDeadline, newOpening, now);
        if (row.status() == ProcessStatus.CLOSED) {
            // closed by the job at a deadline nobody could meet: bids may come again until the new one
            processes.transition(row.id(), ProcessStatus.CLOSED, ProcessStatus.PUBLISHED, now);
        }
        incidents.extended(incident, row.id(), oldDeadline, newDeadline, number);
        ocds.amended(processes.view(row.id()).orElseThrow(), number, pack);
        events.publishEvent(new TenderingEvents.AddendumPublished(
                actor.email(), row.authorityId().toString(), row.ocid(), number, text, newDeadline));
    }

    /** Every declared incident, newest first, with the deadlines it moved. */
    @Transactional(readOnly = true)
    public List<Incident> all() {
        return incidents.list(null);
    }

    /** The incidents that moved a published notice's deadline. */
    @Transactional(readOnly = true)
    public List<Incident> affecting(String ocid) {
        return processes
                .rowByOcid(ocid)
                .filter(r -> r.publishedAt() != null)
                .map(r -> incidents.list(r.id()))
                .orElse(List.of());
    }
}
