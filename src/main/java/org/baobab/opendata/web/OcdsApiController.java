// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.baobab.opendata.OpenDataErrorCode;
import org.baobab.opendata.internal.Packages;
import org.baobab.opendata.internal.ReleaseStore;
import org.baobab.opendata.internal.StoredRelease;
import org.baobab.shared.BaobabException;
import org.baobab.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** The OCDS 1.1 publication: release packages, newest first, and record packages; public, no account needed. */
@RestController
@Tag(
        name = "Open data (OCDS)",
        description = "Every public fact of every contracting process, as OCDS 1.1 releases (with the lots"
                + " extension), under the licence and publication policy stated in each package.")
class OcdsApiController {

    static final int MAX_SIZE = 100;

    private final ReleaseStore store;
    private final Packages packages;

    OcdsApiController(ReleaseStore store, Packages packages) {
        this.store = store;
        this.packages = packages;
    }

    @GetMapping(value = "/api/ocds/releases", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Releases, newest first, as a release package",
            description = "Pages of at most 100 releases, newest publication first. The next page's URL is in the"
                    + " package's links.next and in the Link header (rel=\"next\"); there is none on the last page."
                    + " To harvest only what is new, pass since= the publishedDate of the newest package you hold.")
    ResponseEntity<String> releases(
            @Parameter(description = "Releases per page, 1 to 100 (default 100)")
                    @RequestParam(required = false)
                    @Nullable
                    Integer size,
            @Parameter(
                            description = "Cursor: only releases published before this publication sequence (from"
                                    + " links.next)")
                    @RequestParam(required = false)
                    @Nullable
                    Long before,
            @Parameter(
                            description = "Only releases published after this ISO-8601 instant, e.g."
                                    + " 2026-11-23T10:00:00Z")
                    @RequestParam(required = false)
                    @Nullable
                    String since,
            @Parameter(description = "Only the releases of this contracting process")
                    @RequestParam(required = false)
                    @Nullable
                    String ocid) {
        int limit = size == null ? MAX_SIZE : size;
        if (limit < 1) {
            throw new BaobabException(OpenDataErrorCode.BAD_QUERY, "size", limit);
        }
        limit = Math.min(limit, MAX_SIZE);
        if (before != null && before < 1) {
            throw new BaobabException(OpenDataErrorCode.BAD_QUERY, "before", before);
        }
        List<StoredRelease> rows = store.page(before, instant(since), blankToNull(ocid), limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("before", rows.get(limit - 1).sequence())
                    .replaceQueryParam("size", limit)
                    .build()
                    .toUriString();
        }
        String body = packages.releasePackage(currentUri(), rows, next);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        if (next != null) {
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(body);
    }

    @GetMapping(value = "/api/ocds/releases/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "One release, as a release package",
            description = "The release with this id. Release ids are unique per contracting process; if several"
                    + " processes used the same id, the package holds each of them unless ocid is given.")
    @ApiResponse(responseCode = "404", description = "No release has this id (an RFC 9457 problem)")
    ResponseEntity<String> release(
            @PathVariable String id,
            @Parameter(description = "The contracting process, when the id alone is ambiguous")
                    @RequestParam(required = false)
                    @Nullable
                    String ocid) {
        List<StoredRelease> rows = store.byId(id, blankToNull(ocid));
        if (rows.isEmpty()) {
            throw new NotFoundException(id);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(packages.releasePackage(currentUri(), rows, null));
    }

    @GetMapping(value = "/api/ocds/records/{ocid}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The record of one contracting process, as a record package",
            description = "Links to every release of the process in publication order (url, date, tag). No"
                    + " compiled release yet: compile it from the releases with the OCDS merge rules.")
    @ApiResponse(responseCode = "404", description = "No release was published for this ocid (an RFC 9457 problem)")
    ResponseEntity<String> record(@PathVariable String ocid) {
        List<StoredRelease> rows = store.byOcid(ocid);
        if (rows.isEmpty()) {
            throw new NotFoundException(ocid);
        }
        UriComponentsBuilder base = ServletUriComponentsBuilder.fromCurrentContextPath();
        String releasesUri = base.cloneBuilder()
                .path("/api/ocds/releases")
                .queryParam("ocid", ocid)
                .encode()
                .build()
                .toUriString();
        String body = packages.recordPackage(
                currentUri(),
                ocid,
                rows,
                releasesUri,
                r -> base.cloneBuilder()
                        .path("/api/ocds/releases/{id}")
                        .queryParam("ocid", r.ocid())
                        .fragment(r.id())
                        .encode()
                        .buildAndExpand(r.id())
                        .toUriString());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String currentUri() {
        return ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static @Nullable Instant instant(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BaobabException(OpenDataErrorCode.BAD_QUERY, "since", value);
        }
    }
}
