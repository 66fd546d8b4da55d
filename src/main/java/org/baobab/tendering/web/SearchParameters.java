// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.baobab.rules.Cpv;
import org.baobab.rules.Nature;
import org.baobab.tendering.NoticeSearch;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The query parameters of a notice search, shared by the search page, the JSON API and the Atom feed so that a
 * search copied from one works in the others. Spring binds them (a malformed value is a 400, never a 500).
 */
public class SearchParameters {

    private @Nullable String q;
    private @Nullable String country;
    private @Nullable UUID authority;
    private @Nullable Nature nature;
    private @Nullable String procedure;
    private @Nullable String status;
    private @Nullable BigDecimal minValue;
    private @Nullable BigDecimal maxValue;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate deadlineFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate deadlineTo;

    private NoticeSearch.@Nullable Sort sort;
    private int page;
    private List<String> cpv = new ArrayList<>();

    /** The search, one page of {@code size}; sorted by relevance when there are words, else newest first. */
    public NoticeSearch toSearch(int size) {
        NoticeSearch.Sort order = sort != null
                ? sort
                : (q == null || q.isBlank() ? NoticeSearch.Sort.PUBLISHED : NoticeSearch.Sort.RELEVANCE);
        return new NoticeSearch(
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
                order,
                page,
                size,
                cpv.stream()
                        .filter(c -> !c.isBlank())
                        .map(c -> {
                            // a malformed code matches nothing rather than being ignored (which would match all)
                            String code = Cpv.canonical(c);
                            return code == null ? "-" : code;
                        })
                        .distinct()
                        .limit(NoticeSearch.MAX_CPV)
                        .toList());
    }

    /** Whether a filter other than the words is set (the page then shows the filters unfolded). */
    public boolean narrowsBeyondWords() {
        return (country != null && !country.isBlank())
                || authority != null
                || nature != null
                || (procedure != null && !procedure.isBlank())
                || (status != null && !status.isBlank())
                || minValue != null
                || maxValue != null
                || deadlineFrom != null
                || deadlineTo != null
                || sort != null
                || cpv.stream().anyMatch(c -> !c.isBlank());
    }

    /** CPV codes: notices with a code under any of them. */
    public List<String> getCpv() {
        return cpv;
    }

    public void setCpv(@Nullable List<String> cpv) {
        this.cpv = cpv == null ? new ArrayList<>() : cpv;
    }

    public @Nullable String getQ() {
        return q;
    }

    public void setQ(@Nullable String q) {
        this.q = q;
    }

    public @Nullable String getCountry() {
        return country;
    }

    public void setCountry(@Nullable String country) {
        this.country = country;
    }

    public @Nullable UUID getAuthority() {
        return authority;
    }

    public void setAuthority(@Nullable UUID authority) {
        this.authority = authority;
    }

    public @Nullable Nature getNature() {
        return nature;
    }

    public void setNature(@Nullable Nature nature) {
        this.nature = nature;
    }

    public @Nullable String getProcedure() {
        return procedure;
    }

    public void setProcedure(@Nullable String procedure) {
        this.procedure = procedure;
    }

    public @Nullable String getStatus() {
        return status;
    }

    public void setStatus(@Nullable String status) {
        this.status = status;
    }

    public @Nullable BigDecimal getMinValue() {
        return minValue;
    }

    public void setMinValue(@Nullable BigDecimal minValue) {
        this.minValue = minValue;
    }

    public @Nullable BigDecimal getMaxValue() {
        return maxValue;
    }

    public void setMaxValue(@Nullable BigDecimal maxValue) {
        this.maxValue = maxValue;
    }

    public @Nullable LocalDate getDeadlineFrom() {
        return deadlineFrom;
    }

    public void setDeadlineFrom(@Nullable LocalDate deadlineFrom) {
        this.deadlineFrom = deadlineFrom;
    }

    public @Nullable LocalDate getDeadlineTo() {
        return deadlineTo;
    }

    public void setDeadlineTo(@Nullable LocalDate deadlineTo) {
        this.deadlineTo = deadlineTo;
    }

    public NoticeSearch.@Nullable Sort getSort() {
        return sort;
    }

    public void setSort(NoticeSearch.@Nullable Sort sort) {
        this.sort = sort;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
