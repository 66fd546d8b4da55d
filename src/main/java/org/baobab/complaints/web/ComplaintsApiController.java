// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baobab.complaints.Complaints;
import org.baobab.complaints.PublicComplaint;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public parts of complaints as JSON (docs/complaints.md): OCDS has no core complaints object, so rather than add
 * a field the release schema does not allow, they are published here, each naming the process by its {@code ocid}.
 * The shape follows Prozorro's complaints: the act contested, the objections, the remedy asked, the answer, the
 * suspension and the decision. Evidence and exchanges between the parties stay private.
 */
@RestController
class ComplaintsApiController {

    static final int LATEST = 200;

    private final Complaints complaints;

    ComplaintsApiController(Complaints complaints) {
        this.complaints = complaints;
    }

    @GetMapping("/api/complaints")
    Map<String, Object> complaints(@RequestParam(required = false) @Nullable String ocid) {
        List<PublicComplaint> list =
                ocid == null || ocid.isBlank() ? complaints.latest(LATEST) : complaints.published(ocid.strip());
        Map<String, Object> json = new LinkedHashMap<>();
        if (ocid != null && !ocid.isBlank()) {
            json.put("ocid", ocid.strip());
        }
        json.put("complaints", list.stream().map(ComplaintsApiController::json).toList());
        return json;
    }

    static Map<String, Object> json(PublicComplaint c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id().toString());
        json.put("ocid", c.ocid());
        json.put("title", c.processTitle());
        json.put("buyer", c.authorityName());
        json.put("author", c.complainantName());
        json.put("relatedTo", c.contested().name().toLowerCase(java.util.Locale.ROOT));
        json.put("contested", c.contestedText());
        json.put("contestedOn", c.contestedOn().toString());
        json.put(
                "objections",
                c.objections().stream()
                        .map(o -> Map.of("title", o.title(), "description", o.description()))
                        .toList());
        json.put("requestedRemedy", c.remedy());
        json.put("stage", c.stage().name().toLowerCase(java.util.Locale.ROOT));
        json.put("status", c.state().name().toLowerCase(java.util.Locale.ROOT));
        json.put("dateSubmitted", c.filedAt().toString());
        if (c.answer() != null && c.answeredAt() != null) {
            json.put("answer", Map.of("text", c.answer(), "date", c.answeredAt().toString()));
        }
        if (c.escalatedAt() != null) {
            json.put("dateEscalated", c.escalatedAt().toString());
        }
        json.put("suspended", c.suspended());
        if (c.outcome() != null && c.decidedAt() != null) {
            json.put(
                    "decision",
                    Map.of(
                            "outcome",
                            c.outcome().name().toLowerCase(java.util.Locale.ROOT),
                            "reasons",
                            c.decisionReasons() == null ? "" : c.decisionReasons(),
                            "date",
                            c.decidedAt().toString()));
        }
        return json;
    }
}
