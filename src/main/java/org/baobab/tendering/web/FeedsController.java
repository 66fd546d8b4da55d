// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.PublicUrl;
import org.baobab.tendering.NoticeSearch;
import org.baobab.tendering.NoticeSummary;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.SearchResult;
import org.baobab.tendering.TenderingErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What other programs read: an Atom feed of notices (with the same filters as the search, so any search can be
 * followed in a feed reader), the deadlines of a notice as calendar events, and the sitemap for search engines.
 */
@RestController
class FeedsController {

    static final int FEED_SIZE = 50;

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private static final DateTimeFormatter ICS_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

    private final Notices notices;
    private final RulePacks packs;
    private final org.baobab.rules.PackFormat format;
    private final MessageSource messages;
    private final String baseUrl;

    FeedsController(
            Notices notices,
            RulePacks packs,
            org.baobab.rules.PackFormat format,
            MessageSource messages,
            PublicUrl publicUrl) {
        this.notices = notices;
        this.packs = packs;
        this.format = format;
        this.messages = messages;
        this.baseUrl = publicUrl.base();
    }

    /** The newest matching notices as an Atom 1.0 feed (RFC 4287). */
    @GetMapping("/notices.atom")
    ResponseEntity<String> atom(@ModelAttribute SearchParameters parameters, Locale locale) throws XMLStreamException {
        parameters.setPage(0);
        SearchResult<NoticeSummary> result = notices.search(parameters.toSearch(FEED_SIZE));
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
        xml.writeAttribute("xml:lang", locale.getLanguage());
        element(xml, "id", baseUrl + "/notices.atom");
        element(xml, "title", messages.getMessage("feed.title", null, locale));
        Instant updated = result.items().stream()
                .map(NoticeSummary::updatedAt)
                .max(Instant::compareTo)
                .orElse(notices.now());
        element(xml, "updated", updated.truncatedTo(ChronoUnit.SECONDS).toString());
        link(xml, "self", baseUrl + "/notices.atom", null);
        link(xml, "alternate", baseUrl + "/notices", "text/html");
        xml.writeStartElement("author");
        element(xml, "name", "Baobab");
        xml.writeEndElement();
        for (NoticeSummary n : result.items()) {
            xml.writeStartElement("entry");
            element(xml, "id", baseUrl + "/notices/" + n.ocid());
            element(xml, "title", n.title());
            element(
                    xml,
                    "updated",
                    n.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
            element(
                    xml,
                    "published",
                    n.publishedAt().truncatedTo(ChronoUnit.SECONDS).toString());
            link(xml, "alternate", baseUrl + "/notices/" + n.ocid(), "text/html");
            xml.writeStartElement("author");
            element(xml, "name", n.authorityName());
            xml.writeEndElement();
            xml.writeStartElement("category");
            xml.writeAttribute("term", n.nature().name());
            xml.writeAttribute("label", messages.getMessage("nature." + n.nature(), null, locale));
            xml.writeEndElement();
            element(
                    xml,
                    "summary",
                    messages.getMessage(
                            "feed.summary",
                            new Object[] {
                                n.authorityName(),
                                format.procedure(n.country(), n.procedureCode(), locale),
                                format.dateTime(n.submissionDeadline(), n.country(), locale),
                                messages.getMessage("notices.status." + n.publicStatus(notices.now()), null, locale)
                            },
                            locale));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok()
                .contentType(ATOM)
                .cacheControl(
                        CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(out.toString());
    }

    /** The deadlines of a published notice as calendar events (RFC 5545), to add to any calendar. */
    @GetMapping("/notices/{ocid}.ics")
    ResponseEntity<String> calendar(@PathVariable String ocid, Locale locale) {
        ProcessView notice =
                notices.notice(ocid).orElseThrow(() -> new BaobabException(TenderingErrorCode.UNKNOWN_PROCESS, ocid));
        String url = baseUrl + "/notices/" + ocid;
        String stamp = ICS_TIME.format(notice.updatedAt());
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:-//Baobab//Notices//" + locale.getLanguage().toUpperCase(Locale.ROOT));
        lines.add("CALSCALE:GREGORIAN");
        lines.add("METHOD:PUBLISH");
        event(
                lines,
                ocid,
                "clarification",
                notice.notice().dates().clarificationDeadline(),
                stamp,
                url,
                notice,
                locale);
        event(lines, ocid, "deadline", notice.notice().dates().submissionDeadline(), stamp, url, notice, locale);
        event(lines, ocid, "opening", notice.notice().dates().openingAt(), stamp, url, notice, locale);
        lines.add("END:VCALENDAR");
        StringBuilder body = new StringBuilder();
        lines.forEach(line -> body.append(fold(line)).append("\r\n"));
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename(ocid + ".ics", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body.toString());
    }

    private void event(
            List<String> lines,
            String ocid,
            String kind,
            @Nullable Instant at,
            String stamp,
            String url,
            ProcessView notice,
            Locale locale) {
        if (at == null) {
            return;
        }
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + ocid + "-" + kind + "@baobab");
        lines.add("DTSTAMP:" + stamp);
        lines.add("DTSTART:" + ICS_TIME.format(at));
        lines.add("DTEND:" + ICS_TIME.format(at.plus(30, ChronoUnit.MINUTES)));
        lines.add("SUMMARY:"
                + text(messages.getMessage(
                        "feed.event." + kind, new Object[] {notice.notice().title()}, locale)));
        lines.add("DESCRIPTION:" + text(notice.authorityName() + "\n" + url));
        if (kind.equals("opening") && !notice.notice().dates().openingPlace().isBlank()) {
            lines.add("LOCATION:" + text(notice.notice().dates().openingPlace()));
        }
        lines.add("URL:" + url);
        lines.add("END:VEVENT");
    }

    /** RFC 5545 §3.3.11 TEXT escaping. */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF and a space), never inside a UTF-8 sequence. */
    static String fold(String line) {
        StringBuilder folded = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int size = character.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                folded.append("\r\n ");
                octets = 1;
            }
            folded.append(character);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }

    /** The public pages for search engines (sitemaps.org): home, notices, rules and every published notice. */
    @GetMapping(path = "/sitemap.xml", produces = "application/xml;charset=UTF-8")
    String sitemap() throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
        url(xml, baseUrl + "/", null);
        url(xml, baseUrl + "/notices", null);
        url(xml, baseUrl + "/rules", null);
        for (RulePack pack : packs.all()) {
            url(xml, baseUrl + "/rules/" + pack.country().value(), null);
        }
        int page = 0;
        SearchResult<NoticeSummary> result;
        do {
            result = notices.search(new NoticeSearch(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    NoticeSearch.Sort.PUBLISHED,
                    page++,
                    NoticeSearch.MAX_SIZE));
            for (NoticeSummary n : result.items()) {
                url(xml, baseUrl + "/notices/" + n.ocid(), n.updatedAt());
            }
        } while (result.hasNext() && page < 500);
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }

    @GetMapping(path = "/robots.txt", produces = "text/plain;charset=UTF-8")
    String robots() {
        return "User-agent: *\nDisallow: /buyer/\nDisallow: /review/\nDisallow: /account\nDisallow: /admin/\n"
                + "Sitemap: " + baseUrl + "/sitemap.xml\n";
    }

    private static void url(XMLStreamWriter xml, String location, @Nullable Instant modified)
            throws XMLStreamException {
        xml.writeStartElement("url");
        element(xml, "loc", location);
        if (modified != null) {
            element(xml, "lastmod", modified.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, @Nullable String type)
            throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        if (type != null) {
            xml.writeAttribute("type", type);
        }
    }
}
