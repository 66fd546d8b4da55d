// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents;

/**
 * A file carried inside a PDF/A-3 as an associated file: {@code fileName} as a reader's attachment pane shows it,
 * {@code mediaType} (e.g. {@code application/json}), a short {@code description}, and {@code relationship} to the
 * document ({@code Source}, {@code Data}, {@code Alternative}, {@code Supplement} or {@code Unspecified}, ISO
 * 19005-3).
 */
public record PdfAttachment(
        String fileName, String mediaType, String description, String relationship, byte[] content) {

    public PdfAttachment {
        if (!java.util.Set.of("Source", "Data", "Alternative", "Supplement", "Unspecified")
                .contains(relationship)) {
            throw new IllegalArgumentException("AFRelationship " + relationship);
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
