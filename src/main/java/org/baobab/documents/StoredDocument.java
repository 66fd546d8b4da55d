// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents;

import java.time.Instant;

/**
 * A document in the store: its SHA-256 (lower-case hex, also its address), size in bytes, the content type found by
 * sniffing its bytes, the name it was uploaded under, and when it was stored.
 */
public record StoredDocument(String sha256, long size, String contentType, String fileName, Instant storedAt) {}
