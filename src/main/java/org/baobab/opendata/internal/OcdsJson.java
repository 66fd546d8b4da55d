// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baobab.opendata.ocds.Release;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * OCDS JSON as Baobab writes it: no {@code null}, no empty string, list or object anywhere (OCDS forbids empty
 * fields), dates as ISO-8601 UTC instants ({@code 2026-11-23T10:00:00Z}), amounts as exact plain decimals, object
 * members sorted by name and no white space, so that the same release always gives the same bytes.
 */
@Component
public class OcdsJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** The release as stored and served. */
    public String write(Release release) {
        JsonNode tree = prune(mapper.valueToTree(release));
        return mapper.writeValueAsString(tree == null ? mapper.createObjectNode() : tree);
    }

    public Release read(String json) {
        return mapper.readValue(json, Release.class);
    }

    public JsonMapper mapper() {
        return mapper;
    }

    /** The node without empty members (recursively), object members sorted; {@code null} if nothing is left. */
    static @Nullable JsonNode prune(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            members.sort(Map.Entry.comparingByKey());
            ObjectNode kept = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> member : members) {
                JsonNode value = prune(member.getValue());
                if (value != null) {
                    kept.set(member.getKey(), value);
                }
            }
            return kept.isEmpty() ? null : kept;
        }
        if (node.isArray()) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : node) {
                JsonNode value = prune(element);
                if (value != null) {
                    kept.add(value);
                }
            }
            return kept.isEmpty() ? null : kept;
        }
        if (node.isNull()
                || node.isMissingNode()
                || (node.isString() && node.asString().isEmpty())) {
            return null;
        }
        return node;
    }
}
