// SPDX-License-Identifier: Apache-2.0
/**
 * Documents: a content-addressed (SHA-256), immutable store of uploaded files with upload limits and content-type
 * sniffing, so that a file that lies about its type is refused. Other modules (tender documents, attestations, bids,
 * PDFs) store and read files through {@link org.baobab.documents.Documents}.
 */
@ApplicationModule(
        displayName = "Documents",
        allowedDependencies = {"shared", "identity"})
@NullMarked
package org.baobab.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
