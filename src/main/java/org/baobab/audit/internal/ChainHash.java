// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.baobab.audit.AuditEntry;
import org.baobab.audit.CanonicalJson;
import org.jspecify.annotations.Nullable;

/**
 * The hash of an entry (docs/audit-journal.md): {@code hex(SHA-256(UTF-8(previousHash + "\n" + canonical JSON of
 * {seq, occurredAt, actor, organisation, action, subjectType, subjectId, legalReason, payload})))}, with {@code
 * occurredAt} in UTC with exactly six fractional digits (PostgreSQL keeps microseconds) and {@code payload} the JSON
 * object itself. The first entry's previous hash is 64 zeros.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ChainHash() {}

    public static Instant precision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether the entry's hash is the one its content and its link to the entry before give. */
    public static boolean matches(AuditEntry e) {
        return of(
                        e.previousHash(),
                        e.seq(),
                        e.occurredAt(),
                        e.actor(),
                        e.organisation(),
                        e.action(),
                        e.subjectType(),
                        e.subjectId(),
                        e.legalReason(),
                        e.payload())
                .equals(e.entryHash());
    }

    public static String of(
            String previousHash,
            long seq,
            Instant occurredAt,
            String actor,
            @Nullable String organisation,
            String action,
            String subjectType,
            String subjectId,
            @Nullable String legalReason,
            String canonicalPayload) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("seq", seq);
        entry.put("occurredAt", TIME.format(precision(occurredAt)));
        entry.put("actor", actor);
        entry.put("organisation", organisation);
        entry.put("action", action);
        entry.put("subjectType", subjectType);
        entry.put("subjectId", subjectId);
        entry.put("legalReason", legalReason);
        entry.put("payload", new CanonicalJson.Canonical(canonicalPayload));
        return sha256(previousHash + "\n" + CanonicalJson.write(entry));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
