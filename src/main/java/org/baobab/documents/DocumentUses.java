// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents;

import java.util.Optional;

/**
 * The service a module that uses stored documents provides so that the store knows who may read them (the documents
 * module depends on no module that uses it, so each of those answers for its own uses): tendering for the tender
 * documents of its notices, suppliers for the companies' attestations, complaints for the evidence of a complaint. A
 * document is readable by its owner (the organisation, or the person, that uploaded it), by the control and regulator
 * roles, and by whoever some module's use grants; by nobody else (docs/documents.md#who-may-read-a-document).
 */
public interface DocumentUses {

    /**
     * Why the reader may read the document through this module's use of it, or empty if this module grants nothing
     * (the document is not one of its own, or the reader is not entitled).
     */
    Optional<ReadGrant> grant(String sha256, DocumentReader reader);

    /**
     * A reason to let a reader read a document: {@code reason} is what the journal keeps (e.g. {@code
     * tendering.published-notice}); a {@code publicDocument} is readable by anyone and its reads are not journalled.
     */
    record ReadGrant(String reason, boolean publicDocument) {

        public static ReadGrant publicDocument(String reason) {
            return new ReadGrant(reason, true);
        }

        public static ReadGrant restricted(String reason) {
            return new ReadGrant(reason, false);
        }
    }
}
