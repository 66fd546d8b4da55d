// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.web;

import java.time.Duration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON Schemas of the rule-pack files, for pack authors' editors (docs/rules.md): {@code pack.yaml} at
 * {@code /api/rules/schema.json}, {@code calendar.yaml} at {@code /api/rules/calendar.schema.json}.
 */
@RestController
class RulesSchemaController {

    static final String PACK_SCHEMA = "rules/pack.schema.json";
    static final String CALENDAR_SCHEMA = "rules/calendar.schema.json";

    @GetMapping("/api/rules/schema.json")
    ResponseEntity<Resource> packSchema() {
        return schema(PACK_SCHEMA);
    }

    @GetMapping("/api/rules/calendar.schema.json")
    ResponseEntity<Resource> calendarSchema() {
        return schema(CALENDAR_SCHEMA);
    }

    private static ResponseEntity<Resource> schema(String path) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ClassPathResource(path));
    }
}
