// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.NoticeSummary;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.SearchResult;
import org.baobab.tendering.TenderingErrorCode;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public JSON API of notices: the same search as the portal, and one notice in its public form. */
@RestController
@Tag(name = "Notices", description = "Published procurement notices, searchable without an account")
class NoticesApiController {

    private final Notices notices;

    NoticesApiController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/api/notices")
    @Operation(
            summary = "Search published notices",
            description = "Full-text search in French, English and Arabic (accents and case ignored) with filters;"
                    + " sorted by relevance, deadline or publication; paginated (size at most 100).")
    SearchResult<NoticeSummary> search(
            @ParameterObject SearchParameters parameters, @RequestParam(defaultValue = "20") int size) {
        return notices.search(parameters.toSearch(size));
    }

    @GetMapping("/api/notices/{ocid}")
    @Operation(summary = "One published notice", description = "404 (RFC 9457 problem) for an unknown ocid or a draft.")
    ProcessView notice(@PathVariable String ocid) {
        return notices.notice(ocid).orElseThrow(() -> new BaobabException(TenderingErrorCode.UNKNOWN_PROCESS, ocid));
    }
}
