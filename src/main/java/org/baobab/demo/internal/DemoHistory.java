// SPDX-License-Identifier: Apache-2.0
package org.baobab.demo.internal;

import static org.baobab.demo.internal.DemoStories.CRD;
import static org.baobab.demo.internal.DemoStories.MEMBERS;
import static org.baobab.demo.internal.DemoStories.PRM;
import static org.baobab.demo.internal.DemoStories.STORIES;
import static org.baobab.demo.internal.DemoStories.TERANGA;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import org.baobab.award.AwardDecisions;
import org.baobab.complaints.Complaints;
import org.baobab.demo.internal.DemoStories.Stage;
import org.baobab.demo.internal.DemoStories.Story;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.shared.SettableClock;
import org.baobab.shared.database.DemoMode;
import org.baobab.tendering.Notices;
import org.baobab.tendering.Tendering;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo portal's history: five processes of the demo health ministry ({@link DemoStories}), past their deadline,
 * each left at a stage of the lifecycle (docs/demo.md). Every step is a real command of the module that owns
 * it — publication and sealed bids ({@link DemoPublication}), the opening with the demo committee's key files
 * ({@link DemoOpening}), the evaluation and the complaint ({@link DemoEvaluation}), the award — played in
 * chronological order with the platform's clock stopped at the instant the step would have happened, so that the bid
 * periods, standstills and complaint windows are counted by the rule pack as for real processes. The clock is
 * released as soon as the history is written.
 *
 * <p>Runs once, in demo mode, after the demo accounts, profiles, committee keys and notices. By default it plays in
 * the background, so that the platform answers at once: until it is played, pages show « la démonstration se
 * prépare… » and the readiness probe says OUT_OF_SERVICE ({@link DemoHistoryProgress}). Requests served meanwhile
 * see the platform's clock stopped at the step being played. With {@code baobab.demo-history.in-background:
 * false} (the tests) it is played before the application is ready.
 */
@Component
@Order(70)
class DemoHistory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    private final DemoMode demoMode;
    private final Clock clock;
    private final Accounts accounts;
    private final Tendering tendering;
    private final Notices notices;
    private final AwardDecisions awards;
    private final Complaints complaints;
    private final DemoPublication publicationPhase;
    private final DemoOpening openingPhase;
    private final DemoEvaluation evaluationPhase;
    private final DemoHistoryProgress progress;
    private final boolean inBackground;

    @SuppressWarnings("ParameterNumber")
    DemoHistory(
            DemoMode demoMode,
            Clock clock,
            Accounts accounts,
            Tendering tendering,
            Notices notices,
            AwardDecisions awards,
            Complaints complaints,
            DemoPublication publicationPhase,
            DemoOpening openingPhase,
            DemoEvaluation evaluationPhase,
            DemoHistoryProgress progress,
            @Value("${baobab.demo-history.in-background:true}") boolean inBackground) {
        this.demoMode = demoMode;
        this.clock = clock;
        this.accounts = accounts;
        this.tendering = tendering;
        this.notices = notices;
        this.awards = awards;
        this.complaints = complaints;
        this.publicationPhase = publicationPhase;
        this.openingPhase = openingPhase;
        this.evaluationPhase = evaluationPhase;
        this.progress = progress;
        this.inBackground = inBackground;
    }

    /** One step of the history, at the instant it happens. */
    private record Step(Instant at, String story, String what, Runnable action) {}

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled() || !(clock instanceof SettableClock settable) || !toBePlayed()) {
            progress.finished();
            return;
        }
        progress.started();
        if (!inBackground) {
            play(settable);
            return;
        }
        Thread player = new Thread(() -> play(settable), "demo-history");
        player.setDaemon(true);
        player.start();
    }

    private boolean toBePlayed() {
        if (!notices.withReference(STORIES.get(0).reference()).isEmpty()) {
            return false;
        }
        if (accounts.currentUserByEmail(TERANGA).isEmpty()) {
            log.info("Demo history not played: this data folder predates its demo suppliers (start on a new one)");
            return false;
        }
        return true;
    }

    private void play(SettableClock settable) {
        Instant now = settable.instant().truncatedTo(ChronoUnit.HOURS);
        Map<String, String> ocids = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (Story story : STORIES) {
            steps.addAll(steps(story, now, ocids));
        }
        steps.sort(Comparator.comparing(Step::at));
        Set<String> failed = new HashSet<>();
        try {
            for (Step step : steps) {
                if (failed.contains(step.story())) {
                    continue;
                }
                settable.stopAt(step.at());
                try {
                    step.action().run();
                } catch (BaobabException | IllegalStateException | NoSuchElementException e) {
                    // a data folder from an older version, say: leave that process where it stopped
                    failed.add(step.story());
                    log.warn("Demo history of {} stopped at \"{}\": {}", step.story(), step.what(), e.getMessage());
                }
            }
        } finally {
            settable.release();
            openingPhase.forgetKeys();
            progress.finished();
        }
        log.info("Demo history played: {} processes after their deadline", STORIES.size() - failed.size());
    }

    private List<Step> steps(Story s, Instant now, Map<String, String> ocids) {
        Instant deadline = now.minus(Duration.ofDays(s.deadlineDaysAgo())).plus(Duration.ofHours(1));
        Instant published = deadline.minus(Duration.ofDays(35));
        Instant opening = deadline.plus(Duration.ofHours(1));
        String ref = s.reference();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(published, ref, "publication", () -> ocids.put(ref, publicationPhase.publish(s, deadline))));
        for (int i = 0; i < s.bids().size(); i++) {
            String[] bid = s.bids().get(i);
            steps.add(new Step(
                    published.plus(Duration.ofDays(10 + 3L * i)).plus(Duration.ofHours(2)),
                    ref,
                    "bid of " + bid[0],
                    () -> publicationPhase.bid(ocids.get(ref), bid[0], bid[1], bid[2])));
        }
        steps.add(new Step(deadline.plusSeconds(60), ref, "closing", tendering::closeDue));
        steps.add(new Step(opening, ref, "opening", () -> openingPhase.open(ocids.get(ref))));
        if (s.stage() == Stage.OPENED) {
            return steps;
        }
        Instant evaluation = opening.plus(Duration.ofDays(1));
        steps.add(
                new Step(evaluation, ref, "evaluation started", () -> evaluationPhase.startEvaluation(ocids.get(ref))));
        if (s.stage() == Stage.UNDER_EVALUATION) {
            steps.add(new Step(
                    evaluation.plus(Duration.ofHours(3)),
                    ref,
                    "first member's marks",
                    () -> evaluationPhase.marks(ocids.get(ref), MEMBERS.get(0), true)));
            steps.add(new Step(
                    evaluation.plus(Duration.ofHours(5)),
                    ref,
                    "second member's declaration",
                    () -> evaluationPhase.declare(MEMBERS.get(1), ocids.get(ref))));
            return steps;
        }
        steps.add(new Step(
                evaluation.plus(Duration.ofHours(3)),
                ref,
                "evaluation to the report",
                () -> evaluationPhase.evaluateToReport(ocids.get(ref))));
        Instant provisional = evaluation.plus(Duration.ofDays(s.stage() == Stage.FINAL ? 5 : 2));
        steps.add(new Step(
                provisional, ref, "provisional award", () -> awards.publishProvisional(user(PRM), ocids.get(ref))));
        if (s.stage() == Stage.SUSPENDED) {
            Map<String, UUID> complaint = new LinkedHashMap<>();
            steps.add(new Step(
                    provisional.plus(Duration.ofDays(1)),
                    ref,
                    "complaint",
                    () -> complaint.put("id", evaluationPhase.complain(ocids.get(ref), provisional))));
            steps.add(new Step(
                    provisional.plus(Duration.ofDays(2)),
                    ref,
                    "authority's answer",
                    () -> complaints.answer(
                            user(PRM),
                            complaint.get("id"),
                            "La commission a vérifié les références présentées par l'attributaire : elles portent"
                                    + " sur des équipements d'imagerie de même nature. Le recours est rejeté.")));
            steps.add(new Step(
                    provisional.plus(Duration.ofDays(3)),
                    ref,
                    "escalation",
                    () -> complaints.escalate(
                            user(TERANGA),
                            complaint.get("id"),
                            "La réponse de l'autorité ne discute pas l'attestation de service fait produite en"
                                    + " pièce 3 ; nous saisissons le CRD.")));
            steps.add(new Step(
                    provisional.plus(Duration.ofDays(4)),
                    ref,
                    "suspension",
                    () -> complaints.suspend(
                            user(CRD),
                            complaint.get("id"),
                            "Le CRD ordonne la suspension de la procédure jusqu'à sa décision au fond.")));
        }
        if (s.stage() == Stage.FINAL) {
            steps.add(new Step(
                    provisional.plus(Duration.ofDays(25)),
                    ref,
                    "final award",
                    () -> awards.finalise(user(PRM), ocids.get(ref))));
        }
        return steps;
    }

    private CurrentUser user(String email) {
        return accounts.currentUserByEmail(email).orElseThrow();
    }
}
