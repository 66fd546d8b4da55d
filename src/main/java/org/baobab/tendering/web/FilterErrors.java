// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

/**
 * The notice filters that did not read, each with its translated message, in the order of the form: the page shows
 * them in a summary (each named by its filter's label, linked to its field) and next to each field.
 *
 * @param byField the message of each bad field, by the field's name (its input's id)
 * @param labels the message key of each field's label
 */
public record FilterErrors(Map<String, String> byField, Map<String, String> labels) {

    /** The form's fields, in order, with their labels' keys; {@code page} has no field (the summary only). */
    private static final Map<String, String> LABELS = formLabels();

    static FilterErrors of(BindingResult binding, MessageSource messages, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (String field : LABELS.keySet()) {
            var error = binding.getFieldError(field);
            if (error != null) {
                byField.put(field, messages.getMessage(error, locale));
            }
        }
        return new FilterErrors(byField, LABELS);
    }

    /** The message of this field's error, or null. */
    public @Nullable String of(String field) {
        return byField.get(field);
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    /** The fields with an error, in the order of the form. */
    public List<String> fields() {
        return List.copyOf(byField.keySet());
    }

    private static Map<String, String> formLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("q", "notices.filter.q");
        labels.put("country", "notices.filter.country");
        labels.put("authority", "notices.filter.authority");
        labels.put("nature", "notices.filter.nature");
        labels.put("procedure", "notices.filter.procedure");
        labels.put("cpv", "notices.filter.cpv");
        labels.put("status", "notices.filter.status");
        labels.put("minValue", "notices.filter.min-value");
        labels.put("maxValue", "notices.filter.max-value");
        labels.put("deadlineFrom", "notices.filter.deadline-from");
        labels.put("deadlineTo", "notices.filter.deadline-to");
        labels.put("sort", "notices.filter.sort");
        labels.put("page", "notices.pages");
        return java.util.Collections.unmodifiableMap(labels);
    }
}
