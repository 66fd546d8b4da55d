// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.baobab.documents.Documents;
import org.baobab.documents.DocumentsErrorCode;
import org.baobab.documents.StoredDocument;
import org.baobab.shared.BaobabException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload ({@code POST /api/documents}, multipart field {@code file}) and download ({@code GET /documents/{sha256}}).
 * Downloads are always attachments, never sniffed or run by the browser, and cached forever: a document never changes.
 */
@RestController
class DocumentsController {

    private final Documents documents;

    DocumentsController(Documents documents) {
        this.documents = documents;
    }

    @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<StoredDocument> upload(@RequestParam("file") MultipartFile file, Principal principal)
            throws IOException {
        String name = file.getOriginalFilename();
        StoredDocument stored;
        try (InputStream content = file.getInputStream()) {
            stored = documents.store(
                    content, name == null ? "document" : name, file.getContentType(), principal.getName(), null);
        }
        return ResponseEntity.created(URI.create("/documents/" + stored.sha256()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(stored);
    }

    @GetMapping("/documents/{sha256}")
    ResponseEntity<Resource> download(
            @PathVariable String sha256,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
        StoredDocument document = documents.metadata(sha256);
        if (Documents.SEALED_TYPE.equals(document.contentType())) {
            // a sealed envelope is read only by the opening, never downloaded
            throw new BaobabException(DocumentsErrorCode.UNKNOWN_DOCUMENT, sha256);
        }
        String etag = "\"" + document.sha256() + "\"";
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl("private, max-age=31536000, immutable");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
        if (matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .headers(headers)
                    .build();
        }
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(document.fileName(), StandardCharsets.UTF_8)
                .build());
        headers.setContentType(MediaType.parseMediaType(document.contentType()));
        headers.setContentLength(document.size());
        return ResponseEntity.ok().headers(headers).body(new InputStreamResource(documents.open(document.sha256())));
    }

    private static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
