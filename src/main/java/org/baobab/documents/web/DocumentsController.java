// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.baobab.documents.DocumentReader;
import org.baobab.documents.Documents;
import org.baobab.documents.StoredDocument;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload ({@code POST /api/documents}, multipart field {@code file}) and download ({@code GET /documents/{sha256}}).
 * Downloads are always attachments, never sniffed or run by the browser, and cached privately forever: a document never
 * changes. A download is served only to a reader entitled to the document ({@link Documents#read}); to anyone else the
 * answer is the same 404 as for an unknown document.
 */
@RestController
class DocumentsController {

    private final Documents documents;

    DocumentsController(Documents documents) {
        this.documents = documents;
    }

    @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<StoredDocument> upload(@RequestParam("file") MultipartFile file, Authentication authentication)
            throws IOException {
        String name = file.getOriginalFilename();
        String organisation = authentication.getPrincipal() instanceof CurrentUser user
                ? user.primaryMembership()
                        .map(m -> m.organisationId().toString())
                        .orElse(null)
                : null;
        StoredDocument stored;
        try (InputStream content = file.getInputStream()) {
            stored = documents.store(
                    content,
                    name == null ? "document" : name,
                    file.getContentType(),
                    authentication.getName(),
                    organisation);
        }
        return ResponseEntity.created(URI.create("/documents/" + stored.sha256()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(stored);
    }

    @GetMapping("/documents/{sha256}")
    ResponseEntity<Resource> download(
            @PathVariable String sha256,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
            Authentication authentication) {
        // a sealed envelope is read only by the opening, never downloaded: read() answers as for an unknown one
        StoredDocument document = documents.read(sha256, reader(authentication));
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

    /** The reader as the documents module sees them: e-mail, organisations, roles. */
    static DocumentReader reader(Authentication authentication) {
        Set<UUID> organisations = new HashSet<>();
        Set<Role> roles = new HashSet<>();
        if (authentication.getPrincipal() instanceof CurrentUser user) {
            user.memberships().forEach(m -> {
                organisations.add(m.organisationId());
                roles.add(m.role());
            });
        }
        return new DocumentReader(authentication.getName(), organisations, roles);
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
