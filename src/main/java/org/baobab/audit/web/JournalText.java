// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baobab.audit.AuditEntry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journal in words, for the templates as {@code @journalText}: each action as a sentence in the reader's language
 * ({@code audit.action.<action>}, the key itself for an action with no sentence yet) and the payload as labelled
 * fields ({@code audit.detail.<field>}, else the field's name). The page keeps the raw JSON beside them for auditors.
 */
@Component("journalText")
public class JournalText {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    JournalText(MessageSource messages) {
        this.messages = messages;
    }

    /** One field of an entry's details: its label in the reader's language and its value as text. */
    public record Field(String label, String value) {}

    public String action(AuditEntry entry, Locale locale) {
        return messages.getMessage("audit.action." + entry.action(), null, entry.action(), locale);
    }

    public List<Field> fields(AuditEntry entry, Locale locale) {
        JsonNode payload;
        try {
            payload = JSON.readTree(entry.payload());
        } catch (JacksonException unreadable) {
            return List.of();
        }
        if (payload == null || !payload.isObject()) {
            return List.of();
        }
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : payload.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            String label = messages.getMessage("audit.detail." + name, null, name, locale);
            fields.add(new Field(label, value.isValueNode() ? value.asString() : value.toString()));
        }
        return fields;
    }
}
