// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * OCDS 1.1 release and record packages around stored releases. The releases are embedded byte for byte as stored.
 */
@Component
public class Packages {

    /** The OCDS extensions Baobab's releases use. */
    public static final List<String> EXTENSIONS = List.of(
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json",
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json");

    private final OcdsJson json;
    private final OpenDataProperties properties;
    private final Clock clock;

    Packages(OcdsJson json, OpenDataProperties properties, Clock clock) {
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** A release package; {@code next} is the URL of the next page, if there is one. */
    public String releasePackage(String uri, List<StoredRelease> releases, @Nullable String next) {
        ObjectNode pkg = head(uri, releases);
        if (next != null) {
            pkg.putObject("links").put("next", next);
        }
        ArrayNode array = pkg.putArray("releases");
        releases.forEach(r -> array.addRawValue(new RawValue(r.json())));
        return json.mapper().writeValueAsString(pkg);
    }

    /**
     * A record package with one record: the process's releases, linked (url, date, tag) in publication order.
     *
     * @param releaseUrl where each release is served
     */
    public String recordPackage(
            String uri,
            String ocid,
            List<StoredRelease> releases,
            String releasesUri,
            Function<StoredRelease, String> releaseUrl) {
        ObjectNode pkg = head(uri, releases);
        pkg.putArray("packages").add(releasesUri);
        ObjectNode record = pkg.putArray("records").addObject();
        record.put("ocid", ocid);
        ArrayNode linked = record.putArray("releases");
        for (StoredRelease r : releases) {
            ObjectNode link = linked.addObject();
            link.put("url", releaseUrl.apply(r));
            link.put("date", r.date().toString());
            ArrayNode tags = link.putArray("tag");
            r.tags().forEach(tags::add);
        }
        return json.mapper().writeValueAsString(pkg);
    }

    private ObjectNode head(String uri, List<StoredRelease> releases) {
        // an on-demand package is dated by the last change to its contents
        Instant published = releases.stream()
                .map(StoredRelease::publishedAt)
                .max(Comparator.naturalOrder())
                .orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.SECONDS));
        ObjectNode pkg = json.mapper().createObjectNode();
        pkg.put("uri", uri);
        pkg.put("version", "1.1");
        pkg.put("publishedDate", published.toString());
        ObjectNode publisher = pkg.putObject("publisher");
        OpenDataProperties.Publisher p = properties.publisher();
        publisher.put("name", p.name());
        putIfPresent(publisher, "scheme", p.scheme());
        putIfPresent(publisher, "uid", p.uid());
        putIfPresent(publisher, "uri", p.uri());
        pkg.put("license", properties.license().toString());
        putIfPresent(pkg, "publicationPolicy", properties.publicationPolicy());
        ArrayNode extensions = pkg.putArray("extensions");
        EXTENSIONS.forEach(extensions::add);
        return pkg;
    }

    private static void putIfPresent(ObjectNode node, String name, @Nullable Object value) {
        if (value != null && !value.toString().isEmpty()) {
            node.put(name, value.toString());
        }
    }
}
