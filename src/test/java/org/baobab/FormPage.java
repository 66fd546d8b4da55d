// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A page showing a form refused by the form mechanism ({@code templates/fragments/forms.html}): its error summary and
 * the messages beside the fields, read from the HTML a test received.
 */
public final class FormPage {

    private static final Pattern SUMMARY =
            Pattern.compile("<div class=\"alert error error-summary\" role=\"alert\"(.*?)</ul>", Pattern.DOTALL);
    private static final Pattern ITEM = Pattern.compile("<li>\\s*(?:<a href=\"#([^\"]+)\">|<span>)(.*?)</(?:a|span)>");

    private final String html;

    private FormPage(String html) {
        this.html = html;
    }

    public static FormPage of(ResultActions page) throws Exception {
        return new FormPage(page.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    public String html() {
        return html;
    }

    /** One summary item: the field it links to ({@code null} for a global error) and its text. */
    public record Item(String field, String text) {}

    public List<Item> summary() {
        Matcher summary = SUMMARY.matcher(html);
        assertThat(summary.find()).as("the page has an error summary").isTrue();
        String block = summary.group(0);
        assertThat(summary.find()).as("the page has one error summary").isFalse();
        List<Item> items = new ArrayList<>();
        Matcher item = ITEM.matcher(block);
        while (item.find()) {
            items.add(new Item(item.group(1), unescape(item.group(2)).strip()));
        }
        return items;
    }

    /** The messages beside a field (several are joined by {@code <br />}), or {@code null} when it has none. */
    public String besideField(String field) {
        Matcher m = Pattern.compile(
                        "<span class=\"field-error\" id=\"" + Pattern.quote(field) + "-error\">(.*?)</span>")
                .matcher(html);
        if (!m.find()) {
            return null;
        }
        String text = unescape(m.group(1));
        assertThat(m.find()).as("one message block beside " + field).isFalse();
        return text;
    }

    /**
     * Checks that each of {@code fields} has its error once in the summary, linked to the field and starting with the
     * field's label, and once beside the field, which points to it ({@code aria-describedby}); {@code fieldsAndLabels}
     * alternates field names and labels. Answers the summary's items.
     */
    public List<Item> assertErrors(String... fieldsAndLabels) {
        List<Item> items = summary();
        for (int i = 0; i + 1 < fieldsAndLabels.length; i += 2) {
            String field = fieldsAndLabels[i];
            String label = fieldsAndLabels[i + 1];
            List<Item> about =
                    items.stream().filter(it -> field.equals(it.field())).toList();
            assertThat(about).as("summary items about " + field).hasSize(1);
            assertThat(about.get(0).text())
                    .as("the summary names " + field + " by its label")
                    .startsWith(label);
            String beside = besideField(field);
            assertThat(beside).as("the message beside " + field).isNotBlank();
            assertThat(about.get(0).text())
                    .as("the summary repeats the message beside the field")
                    .endsWith(beside);
            assertThat(html)
                    .as(field + " is described by its message")
                    .containsPattern("id=\"" + Pattern.quote(field) + "\"[^>]*aria-describedby=\"[^\"]*"
                            + Pattern.quote(field) + "-error|aria-describedby=\"[^\"]*" + Pattern.quote(field)
                            + "-error[^\"]*\"[^>]*id=\"" + Pattern.quote(field) + "\"");
        }
        return items;
    }

    private static String unescape(String text) {
        return text.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
