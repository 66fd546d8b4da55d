// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import static org.baobab.tendering.internal.Sql.ts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baobab.rules.Cpv;
import org.baobab.tendering.NoticeSearch;
import org.baobab.tendering.NoticeSummary;
import org.baobab.tendering.SearchResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public search of published notices ({@link NoticeSummary} read model). The SQL is assembled from fragments
 * written here, chosen by the search's fields, with every value the user gave bound as a named parameter through
 * {@link Criteria}; what the user typed never becomes SQL text.
 */
@Repository
public class NoticeSearchStore {

    /** The earliest and latest offsets of the countries served, to turn a day into an instant range safely. */
    private static final ZoneId ZONE_EARLIEST = ZoneOffset.ofHours(1);

    private static final ZoneId ZONE_LATEST = ZoneOffset.UTC;

    /** A word, a quoted phrase, or either excluded with a leading minus. */
    private static final Pattern TOKEN = Pattern.compile("-?\"[^\"]*\"?|\\S+");

    /** The Arabic-script ranges the search vector's Arabic part keeps (migration V2026_11_23_0800). */
    private static final Pattern ARABIC_SCRIPT =
            Pattern.compile("[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]");

    private final JdbcClient jdbc;

    public NoticeSearchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of published notices matching the search. */
    public SearchResult<NoticeSummary> search(NoticeSearch s, Instant now) {
        Criteria c = criteria(s, now);
        String from = " from tendering_process p"
                + (s.query() == null ? "" : ", (select " + tsquery(s.query(), c) + " as query) q");
        String order = switch (s.sort()) {
            case RELEVANCE ->
                s.query() != null
                        ? " order by p.rank desc, p.published_at desc, p.id"
                        : " order by p.published_at desc, p.id";
            case DEADLINE -> " order by p.submission_deadline asc nulls last, p.id";
            case PUBLISHED -> " order by p.published_at desc, p.id";
        };
        c.bind("limit", s.size()).bind("offset", (long) s.page() * s.size());
        Map<String, Object> params = c.params();
        String count = "select count(*)" + from + c.where();
        if (s.query() == null) {
            // Without words, an index walks the sort order and stops at the page, and the count is answered from
            // an index alone: two cheap queries.
            long total = jdbc.sql(count).params(params).query(Long.class).single();
            List<NoticeSummary> items = jdbc.sql(
                            "select " + Summaries.COLUMNS + from + c.where() + order + " limit :limit offset :offset")
                    .params(params)
                    .query(Summaries::summary)
                    .list();
            return new SearchResult<>(items, total, s.page(), s.size());
        }
        // With words, every match is read from the table anyway (to rank or sort it), so the same pass counts them.
        // The inner query ranks each match as it reads it ("offset 0" keeps it apart), so the count's window holds
        // summaries, not whole search vectors, and stays in memory.
        long[] total = {0};
        List<NoticeSummary> items = jdbc.sql("select " + Summaries.COLUMNS + ", count(*) over () as total"
                        + " from (select p.*, ts_rank(p.search_vector, q.query) as rank" + from + c.where()
                        + " offset 0) p" + order + " limit :limit offset :offset")
                .params(params)
                .query((rs, row) -> {
                    total[0] = rs.getLong("total");
                    return Summaries.summary(rs, row);
                })
                .list();
        if (items.isEmpty() && s.page() > 0) {
            // A page past the end says nothing of the total.
            total[0] = jdbc.sql(count).params(params).query(Long.class).single();
        }
        return new SearchResult<>(items, total[0], s.page(), s.size());
    }

    /** The conditions of the search, each written here, each value a parameter. */
    static Criteria criteria(NoticeSearch s, Instant now) {
        Criteria c = new Criteria().and("p.published_at is not null").bind("now", ts(now));
        if (s.query() != null) {
            c.and("p.search_vector @@ q.query");
        }
        if (s.status() != null) {
            c.and(statusCondition(s.status()));
        }
        c.and("p.country = :country", "country", s.country())
                .and("p.authority_id = :authority", "authority", s.authority())
                .and(
                        "p.nature = :nature",
                        "nature",
                        s.nature() == null ? null : s.nature().name())
                .and("p.procedure_code = :procedure", "procedure", s.procedure())
                // any code of the notice under any code asked: a division's two digits cover every code under it
                .and(
                        "exists (select 1 from unnest(p.cpv_codes) c where c like any(:cpvStems))",
                        "cpvStems",
                        s.cpv().isEmpty()
                                ? null
                                : s.cpv().stream()
                                        .map(code -> Cpv.stem(code) + "%")
                                        .toArray(String[]::new))
                .and("p.value_public and p.estimated_value >= :minValue", "minValue", s.minValue())
                .and("p.value_public and p.estimated_value <= :maxValue", "maxValue", s.maxValue())
                // A day of the range is taken from its earliest start to its latest end over the served countries'
                // zones (UTC+0 to UTC+1 today), so that no deadline of that local day is missed.
                .and(
                        "p.submission_deadline >= :deadlineFrom",
                        "deadlineFrom",
                        s.deadlineFrom() == null
                                ? null
                                : ts(s.deadlineFrom()
                                        .atStartOfDay(ZONE_EARLIEST)
                                        .toInstant()))
                .and(
                        "p.submission_deadline < :deadlineTo",
                        "deadlineTo",
                        s.deadlineTo() == null
                                ? null
                                : ts(s.deadlineTo()
                                        .plusDays(1)
                                        .atStartOfDay(ZONE_LATEST)
                                        .toInstant()));
        return c;
    }

    /** The condition of a status filter: one of a fixed set, whatever was asked (an unknown status matches none). */
    private static String statusCondition(String status) {
        return switch (status) {
            case "open" -> "p.status = 'PUBLISHED' and p.submission_deadline > :now";
            case "closed" -> "p.status in ('PUBLISHED', 'CLOSED') and p.submission_deadline <= :now";
            case "cancelled" -> "p.status = 'CANCELLED'";
            default -> "false";
        };
    }

    /**
     * A web-search style query: French and English stemming with accents removed, OR-ed, and Arabic stemming when the
     * words include Arabic script (the vector's Arabic part holds only Arabic-script text, so an Arabic query on Latin
     * words could add nothing but cost: each OR-ed language also makes the planner expect more matches than there
     * are). Every word must match (AND within one language's query); quotes work as on the web. Excluded words
     * ({@code -word}, {@code -"two words"}) are taken apart and excluded in every language at once: left inside each
     * language's query, a word excluded in French would still be let through by the English one. The words are bound
     * as parameters {@code :q} and {@code :qn}; only whether they hold Arabic script chooses the SQL.
     */
    private static String tsquery(String words, Criteria c) {
        StringBuilder wanted = new StringBuilder();
        StringBuilder excluded = new StringBuilder();
        Matcher token = TOKEN.matcher(words);
        while (token.find()) {
            String t = token.group();
            if (t.length() > 1 && t.charAt(0) == '-') {
                excluded.append(excluded.isEmpty() ? "" : " or ").append(t.substring(1));
            } else {
                wanted.append(t).append(' ');
            }
        }
        if (wanted.isEmpty() || excluded.isEmpty()) {
            c.bind("q", words);
            return languages("q", ARABIC_SCRIPT.matcher(words).find());
        }
        c.bind("q", wanted.toString().strip()).bind("qn", excluded.toString());
        return "(" + languages("q", ARABIC_SCRIPT.matcher(wanted).find()) + ") && !!("
                + languages("qn", ARABIC_SCRIPT.matcher(excluded).find()) + ")";
    }

    /** The query of the words of one parameter ({@code q} or {@code qn}, names written here) in each language. */
    private static String languages(String param, boolean arabic) {
        String latin = "websearch_to_tsquery('baobab_fr', :" + param + ") || websearch_to_tsquery('baobab_en', :"
                + param + ")";
        return arabic ? latin + " || websearch_to_tsquery('baobab_ar', :" + param + ")" : latin;
    }

    /** The authorities that have published at least one notice, by name, for the search filters. */
    public List<Map.Entry<UUID, String>> publishingAuthorities() {
        return jdbc.sql("""
                        select distinct authority_id, authority_name from tendering_process
                        where published_at is not null order by authority_name
                        """)
                .query((rs, i) -> Map.entry(rs.getObject("authority_id", UUID.class), rs.getString("authority_name")))
                .list();
    }
}
