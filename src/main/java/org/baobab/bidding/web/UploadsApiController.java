// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.baobab.bidding.EnvelopeUpload;
import org.baobab.bidding.EnvelopeUploads;
import org.baobab.identity.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resumable uploads of sealed envelopes (JSON): announce ({@code POST}), ask where the server stands ({@code GET}),
 * send a piece at that offset ({@code PUT}, raw bytes). A piece at another offset answers 409 with the offset to
 * resume from; errors are RFC 9457 problem details in the user's language.
 */
@RestController
class UploadsApiController {

    private final EnvelopeUploads uploads;

    UploadsApiController(EnvelopeUploads uploads) {
        this.uploads = uploads;
    }

    /** What the bidder announces. */
    record Announce(String ocid, long size, String sha256) {}

    @PostMapping(path = "/api/bids/uploads", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> start(@AuthenticationPrincipal CurrentUser user, @RequestBody Announce body) {
        EnvelopeUpload upload = uploads.start(user, body.ocid(), body.size(), body.sha256());
        return ResponseEntity.created(URI.create("/api/bids/uploads/" + upload.id()))
                .body(json(upload));
    }

    @GetMapping("/api/bids/uploads/{id}")
    Map<String, Object> status(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return json(uploads.status(user, id));
    }

    @PutMapping(path = "/api/bids/uploads/{id}", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    Map<String, Object> append(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam long offset,
            HttpServletRequest request)
            throws IOException {
        try (InputStream piece = request.getInputStream()) {
            return json(uploads.append(user, id, offset, piece));
        }
    }

    private static Map<String, Object> json(EnvelopeUpload u) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", u.id().toString());
        json.put("ocid", u.ocid());
        json.put("size", u.size());
        json.put("sha256", u.sha256());
        json.put("received", u.received());
        json.put("complete", u.complete());
        json.put("pieceSize", EnvelopeUploads.RECOMMENDED_PIECE);
        return json;
    }
}
