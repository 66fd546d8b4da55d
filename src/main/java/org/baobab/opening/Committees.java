// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.baobab.bidding.LogStatements;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.SealingSets;
import org.baobab.bidding.sealing.CommitteeKey;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.OpeningEvents.CommitteeDesignated;
import org.baobab.opening.OpeningEvents.SealingSetFixed;
import org.baobab.opening.internal.OpeningStore;
import org.baobab.opening.internal.OpeningStore.DesignationRow;
import org.baobab.opening.internal.OpeningStore.KeyRow;
import org.baobab.opening.internal.OpeningStore.MemberRow;
import org.baobab.opening.internal.OpeningStore.SetRow;
import org.baobab.rules.Confidence;
import org.baobab.rules.LegalBasis;
import org.baobab.rules.OpeningCommittee;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.shared.InvalidInput;
import org.baobab.shared.Role;
import org.baobab.tendering.Finding;
import org.baobab.tendering.Finding.Severity;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessStatus;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingEvents.NoticePublished;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The opening committee of each process and its sealing set (docs/opening.md). Before publication the committee is a
 * proposal: by default every committee member of the contracting authority with an enrolled key (oldest enrolment
 * first, at most the pack's maximum) and the pack's quorum as threshold; the PRM may instead designate the members and
 * a threshold between the quorum and the number of members. When the notice is published the proposal becomes the
 * process's {@link SealingSet}, in the publication's transaction, and never changes afterwards (a member enrolling a
 * new key later does not alter it).
 */
@Service
public class Committees implements SealingSets {

    /** The rule applied when a country's pack does not hold its committee's size and quorum. */
    static final OpeningCommittee FALLBACK = new OpeningCommittee(
            OpeningCommittee.MIN_THRESHOLD,
            255,
            OpeningCommittee.Quorum.MAJORITY,
            new LegalBasis("Baobab: no rule in the pack, a majority and never one key alone", null, null),
            LocalDate.of(2026, 1, 1),
            Confidence.UNVERIFIED,
            null);

    private final OpeningStore store;
    private final LogStatements log;
    private final Accounts accounts;
    private final RulePacks packs;
    private final Notices notices;
    private final Tendering tendering;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Committees(
            OpeningStore store,
            LogStatements log,
            Accounts accounts,
            RulePacks packs,
            Notices notices,
            Tendering tendering,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.log = log;
        this.accounts = accounts;
        this.packs = packs;
        this.notices = notices;
        this.tendering = tendering;
        this.events = events;
        this.clock = clock;
    }

    /** A committee member of an authority with an enrolled key. */
    public record Candidate(UUID userId, String name, String email, CommitteeKey key, Instant enrolledAt) {}

    /**
     * The committee a process would be sealed to if published now.
     *
     * @param members the members in share order (may be fewer than two: then there is no possible committee)
     * @param threshold the number of members needed at the opening (0 when there is no possible committee)
     * @param designated whether the PRM chose it (else it is the default committee)
     * @param missing designated members who are no longer eligible (role withdrawn, key missing)
     * @param eligible every eligible member of the authority, oldest enrolment first
     */
    public record Proposal(
            List<Candidate> members,
            int threshold,
            boolean designated,
            int missing,
            List<Candidate> eligible,
            OpeningCommittee rule) {

        /** Whether the process can be sealed to it: at least two members and a threshold of two at least. */
        public boolean possible() {
            return missing == 0 && members.size() >= OpeningCommittee.MIN_THRESHOLD && threshold >= 2;
        }
    }

    /** The committee rule of a country: its pack's, or {@link #FALLBACK}. */
    public OpeningCommittee rule(String country) {
        return packs.pack(new CountryCode(country)).committee().orElse(FALLBACK);
    }

    /** The committee members of the authority with an active key, oldest enrolment first. */
    @Transactional(readOnly = true)
    public List<Candidate> eligible(UUID authorityId) {
        Map<UUID, CurrentUser> holders = accounts.holders(authorityId, Role.COMMITTEE_MEMBER).stream()
                .collect(Collectors.toMap(CurrentUser::id, Function.identity(), (a, b) -> a));
        List<Candidate> out = new ArrayList<>();
        for (KeyRow key : store.activeKeys(List.copyOf(holders.keySet()))) {
            CurrentUser user = holders.get(key.userId());
            out.add(new Candidate(
                    user.id(), user.fullName(), user.email(), CommitteeKey.of(key.point()), key.enrolledAt()));
        }
        return out;
    }

    /** The committee the process would be sealed to now (the PRM's designation, else the default one). */
    @Transactional(readOnly = true)
    public Proposal proposal(ProcessView process) {
        OpeningCommittee rule = rule(process.country());
        List<Candidate> eligible = eligible(process.authorityId());
        Optional<DesignationRow> designation = store.designation(process.ocid());
        if (designation.isPresent()) {
            Map<UUID, Candidate> byId =
                    eligible.stream().collect(Collectors.toMap(Candidate::userId, Function.identity()));
            List<Candidate> members = new ArrayList<>();
            int missing = 0;
            for (UUID id : designation.get().members()) {
                Candidate c = byId.get(id);
                if (c == null) {
                    missing++;
                } else {
                    members.add(c);
                }
            }
            return new Proposal(members, designation.get().threshold(), true, missing, eligible, rule);
        }
        List<Candidate> members = eligible.stream().limit(rule.maxMembers()).toList();
        int threshold = members.size() < OpeningCommittee.MIN_THRESHOLD ? 0 : rule.quorum(members.size());
        return new Proposal(members, threshold, false, 0, eligible, rule);
    }

    /**
     * The PRM of the process's authority chooses its committee (in share order) and threshold, before publication.
     * The members must be eligible, between two and 255 (and within the pack's bounds when the pack's rule is
     * verified); the threshold between the pack's quorum for that many members and their number.
     */
    @Transactional
    public void designate(CurrentUser actor, UUID processId, List<UUID> memberIds, int threshold) {
        ProcessView process = tendering.forStaff(actor, processId);
        if (!actor.hasRoleIn(process.authorityId(), Role.PRM)) {
            throw new BaobabException(OpeningErrorCode.NOT_PRM);
        }
        if (process.publishedAt() != null
                || store.set(process.ocid()).isPresent()
                || !List.of(ProcessStatus.DRAFT, ProcessStatus.IN_REVIEW, ProcessStatus.APPROVED)
                        .contains(process.status())) {
            throw new BaobabException(OpeningErrorCode.ALREADY_FIXED);
        }
        OpeningCommittee rule = rule(process.country());
        List<UUID> members = memberIds.stream().distinct().toList();
        int min = rule.enforceable() ? rule.minMembers() : OpeningCommittee.MIN_THRESHOLD;
        int max = rule.enforceable() ? rule.maxMembers() : 255;
        var eligibleIds = new HashSet<>(
                eligible(process.authorityId()).stream().map(Candidate::userId).toList());
        var invalid = InvalidInput.collect();
        if (members.size() < min) {
            invalid.add("member", OpeningErrorCode.TOO_FEW_MEMBERS, min);
        } else if (members.size() > max) {
            invalid.add("member", OpeningErrorCode.TOO_MANY_MEMBERS, max);
        } else if (!eligibleIds.containsAll(members)) {
            invalid.add("member", OpeningErrorCode.NOT_ELIGIBLE);
        }
        int lowest = rule.quorum(Math.max(members.size(), OpeningCommittee.MIN_THRESHOLD));
        int highest = Math.max(members.size(), lowest);
        if (threshold < lowest || threshold > highest) {
            invalid.add("threshold", OpeningErrorCode.BAD_THRESHOLD, lowest, highest);
        }
        invalid.throwIfAny();
        store.replaceDesignation(process.ocid(), threshold, members, actor.email(), clock.instant());
        events.publishEvent(new CommitteeDesignated(
                actor.email(),
                process.authorityId().toString(),
                process.ocid(),
                threshold,
                members.stream().map(UUID::toString).toList()));
    }

    /** The findings about the committee of a process not yet published, for {@link Tendering}'s checks. */
    @Transactional(readOnly = true)
    public List<Finding> check(ProcessView process) {
        if (process.publishedAt() != null) {
            return List.of();
        }
        Proposal p = proposal(process);
        OpeningCommittee rule = p.rule();
        String basis = basis(rule.legalBasis());
        List<Finding> findings = new ArrayList<>();
        if (p.missing() > 0) {
            findings.add(
                    new Finding(Severity.ERROR, "check.opening-committee-member-gone", List.of(p.missing()), null));
        }
        int n = p.members().size();
        if (n < OpeningCommittee.MIN_THRESHOLD) {
            findings.add(
                    new Finding(Severity.ERROR, "check.no-opening-committee", List.of(rule.minMembers(), n), basis));
            return findings;
        }
        if (!rule.allows(n)) {
            findings.add(new Finding(
                    rule.enforceable() ? Severity.ERROR : Severity.WARNING,
                    "check.opening-committee-size",
                    List.of(n, rule.minMembers(), rule.maxMembers()),
                    basis));
        }
        findings.add(new Finding(
                Severity.INFO,
                p.designated() ? "check.opening-committee-designated" : "check.opening-committee-default",
                List.of(n, p.threshold()),
                basis));
        return findings;
    }

    /** Fixes the sealing set when the notice is published, in the publication's transaction. */
    @EventListener
    void onPublished(NoticePublished published) {
        ProcessView process = notices.notice(published.ocid()).orElseThrow();
        fix(published.actor(), process);
    }

    private void fix(String actor, ProcessView process) {
        if (store.set(process.ocid()).isPresent()) {
            return;
        }
        Proposal p = proposal(process);
        if (!p.possible()) {
            throw new BaobabException(OpeningErrorCode.NO_COMMITTEE, process.ocid());
        }
        List<MemberRow> members = new ArrayList<>();
        for (int i = 0; i < p.members().size(); i++) {
            Candidate c = p.members().get(i);
            members.add(new MemberRow(i + 1, c.userId(), c.name(), c.key().point()));
        }
        List<String> fingerprints =
                p.members().stream().map(c -> c.key().fingerprint()).toList();
        Instant fixedAt = clock.instant();
        store.insertSet(new SetRow(process.ocid(), p.threshold(), p.designated(), fixedAt), members, fingerprints);
        // the set as it is stored (fixedAt as PostgreSQL keeps it) becomes a leaf of the public log
        SealingSet fixed = forProcess(process.ocid()).orElseThrow();
        long logIndex = log.sealingSetFixed(fixed);
        events.publishEvent(new SealingSetFixed(
                actor,
                process.authorityId().toString(),
                process.ocid(),
                p.threshold(),
                fingerprints,
                p.designated(),
                logIndex));
    }

    /** The processes whose committee (sealing set) the user sits on, the most recent first. */
    @Transactional(readOnly = true)
    public List<String> processesOf(UUID userId) {
        return store.processesOf(userId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SealingSet> forProcess(String ocid) {
        return store.set(ocid)
                .map(set -> new SealingSet(
                        set.ocid(),
                        set.threshold(),
                        store.members(ocid).stream()
                                .map(m -> new SealingSet.Member(
                                        m.position(), m.userId(), m.name(), CommitteeKey.of(m.point())))
                                .toList(),
                        set.fixedAt()));
    }

    /** Whether the process's set was designated by the PRM (rather than the default committee). */
    @Transactional(readOnly = true)
    public boolean designated(String ocid) {
        return store.set(ocid).map(SetRow::designated).orElse(false);
    }

    static String basis(LegalBasis basis) {
        return basis.article() == null ? basis.text() : basis.text() + ", " + basis.article();
    }
}
