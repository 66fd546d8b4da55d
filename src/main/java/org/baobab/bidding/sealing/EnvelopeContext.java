// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where an envelope belongs: the process (OCID), the lots it answers, the envelope's id and its kind. Every chunk and
 * every share is bound to it ({@link #hash()}), so that nothing sealed for one envelope opens as another's.
 *
 * @param envelope the envelope's id (written lower-case)
 * @param kind single, technical or financial
 * @param lots lot identifiers, at least one, distinct; kept sorted in code-point order ("10" before "2")
 * @param ocid the process's OCID
 */
public record EnvelopeContext(UUID envelope, Kind kind, List<String> lots, String ocid) {

    /** The envelope's kind: one envelope, or the technical or the financial one of a two-envelope procedure. */
    public enum Kind {
        SINGLE,
        TECHNICAL,
        FINANCIAL;

        /** The name the format writes. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind ofJson(String name) {
            for (Kind kind : values()) {
                if (kind.json().equals(name)) {
                    return kind;
                }
            }
            throw new SealingException(
                    "Envelope context: unknown kind \"" + name + "\" (single, technical, financial)");
        }
    }

    public EnvelopeContext {
        if (ocid.isEmpty()) {
            throw new SealingException("Envelope context: the OCID is empty");
        }
        if (lots.isEmpty()) {
            throw new SealingException("Envelope context: at least one lot (a notice without lots has lot \"1\")");
        }
        List<String> sorted = new ArrayList<>(lots);
        sorted.sort(CanonicalJson.CODE_POINT_ORDER);
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).isEmpty()) {
                throw new SealingException("Envelope context: a lot identifier is empty");
            }
            if (i > 0 && sorted.get(i).equals(sorted.get(i - 1))) {
                throw new SealingException("Envelope context: lot \"" + sorted.get(i) + "\" is listed twice");
            }
        }
        lots = List.copyOf(sorted);
    }

    /** The context as a JSON object (for {@link CanonicalJson}). */
    public Map<String, @Nullable Object> toJsonObject() {
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        object.put("envelope", envelope.toString());
        object.put("format", Manifest.FORMAT);
        object.put("kind", kind.json());
        object.put("lots", lots);
        object.put("ocid", ocid);
        return object;
    }

    /** The canonical JSON. */
    public String toJson() {
        return CanonicalJson.write(toJsonObject());
    }

    /** {@code contextHash = SHA-256(canonical context)}, 32 bytes. */
    public byte[] hash() {
        return Bytes.sha256(CanonicalJson.utf8(toJsonObject()));
    }

    /** Reads a context (canonical or not: the caller checks canonical form where it matters). */
    public static EnvelopeContext fromJson(String json) {
        return fromJsonObject(CanonicalJson.read(json));
    }

    static EnvelopeContext fromJsonObject(@Nullable Object value) {
        Fields context = Fields.of(value, "The envelope context").exactly("envelope", "format", "kind", "lots", "ocid");
        if (!Manifest.FORMAT.equals(context.string("format"))) {
            throw new SealingException(
                    "Envelope context: the format is \"" + context.string("format") + "\", not BSE1");
        }
        String envelope = context.string("envelope");
        UUID id;
        try {
            id = UUID.fromString(envelope);
        } catch (IllegalArgumentException e) {
            throw new SealingException("Envelope context: \"" + envelope + "\" is not a UUID");
        }
        if (!id.toString().equals(envelope)) {
            throw new SealingException("Envelope context: the envelope id must be a lower-case 36-character UUID");
        }
        List<String> lots = new ArrayList<>();
        for (Object lot : context.list("lots")) {
            if (!(lot instanceof String string)) {
                throw new SealingException("Envelope context: lot identifiers are strings");
            }
            lots.add(string);
        }
        EnvelopeContext parsed =
                new EnvelopeContext(id, Kind.ofJson(context.string("kind")), lots, context.string("ocid"));
        if (!parsed.lots().equals(lots)) {
            throw new SealingException(
                    "Envelope context: the lots must be sorted (code-point order: \"10\" before \"2\")");
        }
        return parsed;
    }
}
