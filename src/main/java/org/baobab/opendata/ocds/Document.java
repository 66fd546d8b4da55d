// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

import java.time.Instant;
import java.util.List;

/**
 * A published document: {@code documentType} from the documentType codelist ({@code tenderNotice},
 * {@code biddingDocuments}…), {@code url} where anyone can download it, {@code format} its media type,
 * {@code relatedLots} the lots it concerns (lots extension).
 */
public record Document(
        String id,
        String documentType,
        String title,
        String description,
        String url,
        Instant datePublished,
        Instant dateModified,
        String format,
        String language,
        List<String> relatedLots) {

    public Document {
        relatedLots = Ocds.list(relatedLots);
    }
}
