// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.identity.Accounts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * No dead link: as each demo role (and as an anonymous visitor), start from the main pages and follow every same-site
 * link the pages show, breadth first, GET only (never a form, never sign-out, never a download), at most a few pages
 * of each shape of address ({@code /notices/*}) and {@value #MAX_PAGES} pages in all; any page that answers 404 or
 * a 5xx fails the test, named with the page that links to it. The real application on the demo data, through MockMvc.
 */
@IntegrationTest
class LinkCrawlerTests {

    static final int MAX_PAGES = 160;

    /** Pages visited per shape of address (ids replaced by {@code *}): enough to see each kind of page's links. */
    static final int PER_SHAPE = 3;

    private static final Pattern LINK = Pattern.compile("<a\\b[^>]*?\\shref=\"([^\"]*)\"");

    private static final Pattern ID_SEGMENT = Pattern.compile(
            "ocds-[^/]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-f]{16,}|\\d+");

    private final MockMvc mvc;
    private final Accounts accounts;

    LinkCrawlerTests(MockMvc mvc, Accounts accounts) {
        this.mvc = mvc;
        this.accounts = accounts;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "anonymous",
                "admin@sahel-numerique.demo", // supplier admin
                "offres@sahel-numerique.demo", // bid preparer
                "acheteur@sante.demo", // buyer
                "prm@sante.demo", // PRM
                "commission1@sante.demo", // committee member
                "controleur@dcmp.demo", // controller
                "auditeur@arcop.demo", // regulator auditor
                "crd@arcop.demo", // complaints officer
                "admin@arcop.demo" // platform admin
            })
    void everyLinkAReaderCanFollowLeadsToAPage(String who) throws Exception {
        Crawl crawl = new Crawl(who);
        crawl.from("/", "/notices", "/plans", "/rules", "/open-data", "/developers", "/transparency");
        if (!who.equals("anonymous")) {
            crawl.from("/account", "/notifications");
        }
        crawl.run();
        assertThat(crawl.visited).as("pages visited as %s", who).hasSizeGreaterThan(10);
        assertThat(crawl.broken)
                .as("broken links as %s (visited %s)", who, crawl.visited)
                .isEmpty();
    }

    private final class Crawl {

        private final String who;
        private final Deque<String[]> queue = new ArrayDeque<>(); // {path, the page linking to it}
        private final Set<String> seen = new LinkedHashSet<>();
        private final Map<String, Integer> shapes = new HashMap<>();
        final List<String> visited = new ArrayList<>();
        final List<String> broken = new ArrayList<>();

        Crawl(String who) {
            this.who = who;
        }

        void from(String... paths) {
            for (String path : paths) {
                offer(path, "(start)");
            }
        }

        void run() throws Exception {
            while (!queue.isEmpty() && visited.size() < MAX_PAGES) {
                String[] next = queue.poll();
                visit(next[0], next[1]);
            }
        }

        private void visit(String path, String from) throws Exception {
            MockHttpServletRequestBuilder request =
                    get(URI.create(path)).header("Accept", "text/html").header("Accept-Language", "fr");
            if (!who.equals("anonymous")) {
                request.with(SignedIn.as(accounts.currentUserByEmail(who).orElseThrow()));
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            visited.add(path);
            int status = response.getStatus();
            if (status == 404 || status >= 500) {
                broken.add(from + " -> " + path + " answered " + status);
                return;
            }
            if (status >= 300 && status < 400 && response.getRedirectedUrl() != null) {
                offer(response.getRedirectedUrl(), path);
                return;
            }
            String type = response.getContentType();
            if (type == null || !type.startsWith("text/html")) {
                return;
            }
            Matcher links = LINK.matcher(response.getContentAsString(StandardCharsets.UTF_8));
            while (links.find()) {
                offer(links.group(1).replace("&amp;", "&"), path);
            }
        }

        private void offer(String href, String from) {
            String path = sameSitePath(href, from);
            if (path == null || followed(path) == false || !seen.add(path)) {
                return;
            }
            String shape = shape(path);
            int count = shapes.merge(shape, 1, Integer::sum);
            if (count <= PER_SHAPE) {
                queue.add(new String[] {path, from});
            }
        }
    }

    /** The path and query of a link to this site, without its fragment; null for another site, mail or telephone. */
    static @Nullable String sameSitePath(String href, String from) {
        if (href.isBlank() || href.startsWith("#") || href.startsWith("mailto:") || href.startsWith("tel:")) {
            return null;
        }
        URI uri = URI.create("http://localhost" + (from.startsWith("/") ? from : "/"))
                .resolve(href.replace(" ", "%20"));
        if (!"localhost".equals(uri.getHost()) || !(uri.getPort() == -1 || uri.getPort() == 80)) {
            return null;
        }
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return path.isEmpty() ? "/" : path;
    }

    /** Never sign out, never download (files, feeds, API answers), never the language switch (the same pages again). */
    static boolean followed(String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return !bare.equals("/logout")
                && !bare.startsWith("/api/")
                && !bare.startsWith("/demo/")
                && !bare.contains("/documents/")
                && !bare.matches(".*\\.(pdf|csv|json|atom|xml|zip|yaml|txt|sig|pem|bin|js|css|svg)$")
                && !bare.endsWith("/download")
                && !path.matches(".*[?&]lang=.*");
    }

    /** The address with its identifiers replaced by {@code *} and its query reduced to the parameters' names. */
    static String shape(String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        StringBuilder shape = new StringBuilder();
        for (String segment : bare.split("/")) {
            if (!segment.isEmpty()) {
                shape.append('/').append(ID_SEGMENT.matcher(segment).matches() ? "*" : segment);
            }
        }
        if (path.contains("?")) {
            shape.append('?');
            for (String parameter : path.substring(path.indexOf('?') + 1).split("&")) {
                shape.append(parameter.split("=", 2)[0]).append('&');
            }
        }
        return shape.isEmpty() ? "/" : shape.toString();
    }
}
