// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.baobab.rules.Nature;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.NoticeSearch;
import org.baobab.tendering.NoticeSummary;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.SearchResult;
import org.baobab.tendering.TenderingErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
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
            @Parameter(description = "words, web-search syntax (quotes, -word)")
                    @RequestParam(required = false)
                    @Nullable
                    String q,
            @Parameter(description = "ISO 3166-1 alpha-2 country") @RequestParam(required = false) @Nullable
                    String country,
            @RequestParam(required = false) @Nullable UUID authority,
            @RequestParam(required = false) @Nullable Nature nature,
            @Parameter(description = "procedure code of the country's rule pack, e.g. AOO")
                    @RequestParam(required = false)
                    @Nullable
                    String procedure,
            @Parameter(description = "open, closed or cancelled") @RequestParam(required = false) @Nullable
                    String status,
            @RequestParam(required = false) @Nullable BigDecimal minValue,
            @RequestParam(required = false) @Nullable BigDecimal maxValue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate deadlineFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate deadlineTo,
            @RequestParam(required = false) NoticeSearch.@Nullable Sort sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return notices.search(new NoticeSearch(
                q,
                country,
                authority,
                nature,
                procedure,
                status,
                minValue,
                maxValue,
                deadlineFrom,
                deadlineTo,
                sort != null
                        ? sort
                        : (q == null || q.isBlank() ? NoticeSearch.Sort.PUBLISHED : NoticeSearch.Sort.RELEVANCE),
                page,
                size));
    }

    @GetMapping("/api/notices/{ocid}")
    @Operation(summary = "One published notice", description = "404 (RFC 9457 problem) for an unknown ocid or a draft.")
    ProcessView notice(@PathVariable String ocid) {
        return notices.notice(ocid).orElseThrow(() -> new BaobabException(TenderingErrorCode.UNKNOWN_PROCESS, ocid));
    }
}
