// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An opening session as it stands: its committee (who came, who declared a conflict, who released), what was read in
 * each opened envelope in order of receipt, and the envelopes not opened (waiting for shares, or superseded or
 * withdrawn and never opened). Holds nothing secret: no share, no key.
 *
 * @param kind {@code single}, {@code technical} or {@code financial}: which envelopes the session opens
 * @param threshold how many members' shares open an envelope (k)
 */
public record OpeningSession(
        UUID id,
        String ocid,
        String kind,
        String startedBy,
        Instant startedAt,
        int threshold,
        List<Member> members,
        List<Reading> readings,
        List<Unopened> unopened) {

    public OpeningSession {
        members = List.copyOf(members);
        readings = List.copyOf(readings);
        unopened = List.copyOf(unopened);
    }

    /** A member of the sealing set; {@code declaredAt} is null while they have not come. */
    public record Member(
            int position,
            UUID userId,
            String name,
            @Nullable Instant declaredAt,
            boolean conflict,
            int released) {

        public boolean present() {
            return declaredAt != null;
        }

        /** Present and free of conflict: may release their shares. */
        public boolean mayRelease() {
            return declaredAt != null && !conflict;
        }
    }

    /** What was read in an opened envelope (or why it could not be read: {@code failure}). */
    public record Reading(
            UUID envelopeId,
            int order,
            String supplierName,
            Instant receivedAt,
            List<Lot> lots,
            @Nullable String bidSecurity,
            List<File> files,
            @Nullable String failure,
            Instant openedAt) {

        public Reading {
            lots = List.copyOf(lots);
            files = List.copyOf(files);
        }
    }

    /** A lot of a bid form: the amount read (none for a technical envelope), its currency, and a rebate if stated. */
    public record Lot(
            String lot,
            @Nullable String amount,
            @Nullable String currency,
            @Nullable String rebate) {}

    /** A file of an envelope, as its header says. */
    public record File(String name, String type, long size) {}

    /**
     * An envelope of the session's kind not (yet) opened: {@code state} is {@code current} for one waiting for shares
     * ({@code released} of them are in), {@code superseded} or {@code withdrawn} for one never opened.
     */
    public record Unopened(UUID envelopeId, String supplierName, Instant receivedAt, String state, int released) {}

    /**
     * An envelope of the session's kind in the register of receipt: numbered from 1 in order of receipt, with the order
     * in which it was read if it was opened ({@code state} {@code opened}), or the state of an envelope not opened.
     */
    public record Received(
            int number,
            UUID envelopeId,
            String supplierName,
            Instant receivedAt,
            @Nullable Integer readOrder,
            String state) {

        public boolean opened() {
            return readOrder != null;
        }
    }

    /**
     * The register of receipt: every envelope of the session's kind, opened or not (superseded, withdrawn, not
     * qualified, waiting), numbered in order of receipt.
     */
    public List<Received> received() {
        List<Received> all = new ArrayList<>();
        readings.forEach(
                r -> all.add(new Received(0, r.envelopeId(), r.supplierName(), r.receivedAt(), r.order(), "opened")));
        unopened.forEach(
                u -> all.add(new Received(0, u.envelopeId(), u.supplierName(), u.receivedAt(), null, u.state())));
        all.sort(Comparator.comparing(Received::receivedAt).thenComparing(Received::envelopeId));
        List<Received> numbered = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Received r = all.get(i);
            numbered.add(
                    new Received(i + 1, r.envelopeId(), r.supplierName(), r.receivedAt(), r.readOrder(), r.state()));
        }
        return numbered;
    }

    /** How many present members may release. */
    public int releasing() {
        return (int) members.stream().filter(Member::mayRelease).count();
    }

    /** Whether enough members are present and free of conflict to open the envelopes. */
    public boolean quorum() {
        return releasing() >= threshold;
    }

    /** Whether every envelope the session opens has been read. */
    public boolean complete() {
        return unopened.stream().noneMatch(u -> u.state().equals("current"));
    }

    public @Nullable Member member(UUID userId) {
        return members.stream()
                .filter(m -> m.userId().equals(userId))
                .findFirst()
                .orElse(null);
    }
}
