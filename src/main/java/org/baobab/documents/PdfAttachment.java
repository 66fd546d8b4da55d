// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents;

import java.util.Set;

/**
 * A file carried inside a PDF/A-3 as an associated file: {@code fileName} as a reader's attachment pane shows it,
 * {@code mediaType} (e.g. {@code application/json}), a short {@code description}, and {@code relationship} to the
 * document ({@code Source}, {@code Data}, {@code Alternative}, {@code Supplement} or {@code Unspecified}, ISO
 * 19005-3). The content is copied in and out, so an attachment never changes once made.
 */
public final class PdfAttachment {

    private static final Set<String> RELATIONSHIPS =
            Set.of("Source", "Data", "Alternative", "Supplement", "Unspecified");

    private final String fileName;
    private final String mediaType;
    private final String description;
    private final String relationship;
    private final byte[] content;

    public PdfAttachment(String fileName, String mediaType, String description, String relationship, byte[] content) {
        if (!RELATIONSHIPS.contains(relationship)) {
            throw new IllegalArgumentException("AFRelationship " + relationship);
        }
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.description = description;
        this.relationship = relationship;
        this.content = content.clone();
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    public String description() {
        return description;
    }

    public String relationship() {
        return relationship;
    }

    public byte[] content() {
        return content.clone();
    }
}
