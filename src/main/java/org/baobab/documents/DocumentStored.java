// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents;

import java.util.Map;
import org.baobab.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** A file was uploaded and stored (or found already stored, for the same bytes) under its SHA-256. */
public record DocumentStored(
        String actor,
        @Nullable String organisation,
        String sha256,
        String fileName,
        String contentType,
        long size,
        @Nullable String sealedUntilOpening)
        implements AuditableEvent {

    /** An upload whose uploader may be told to anyone allowed to read the journal. */
    public DocumentStored(
            String actor,
            @Nullable String organisation,
            String sha256,
            String fileName,
            String contentType,
            long size) {
        this(actor, organisation, sha256, fileName, contentType, size, null);
    }

    @Override
    public String action() {
        return "documents.stored";
    }

    @Override
    public String subjectType() {
        return "document";
    }

    @Override
    public String subjectId() {
        return sha256;
    }

    @Override
    public Map<String, Object> payload() {
        return sealedUntilOpening == null
                ? Map.of("fileName", fileName, "contentType", contentType, "size", size)
                : Map.of(
                        "fileName",
                        fileName,
                        "contentType",
                        contentType,
                        "size",
                        size,
                        SEALED_UNTIL_OPENING,
                        sealedUntilOpening);
    }
}
