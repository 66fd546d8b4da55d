// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit.web;

import java.util.List;
import org.baobab.audit.AuditEntry;
import org.baobab.audit.AuditJournal;
import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The regulator auditor's view of the journal: entries filtered and paged, and the chain's verification. */
@Controller
class AuditPageController {

    static final int PAGE = 50;

    private final AuditJournal journal;
    private final SealedIdentities sealed;

    AuditPageController(AuditJournal journal, SealedIdentities sealed) {
        this.journal = journal;
        this.sealed = sealed;
    }

    @GetMapping("/audit")
    String journal(
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String subjectType,
            @RequestParam(required = false) @Nullable String subjectId,
            @RequestParam(required = false) @Nullable Long before,
            Model model) {
        List<AuditEntry> entries = sealed.disclosed(
                journal.entries(blankToNull(action), blankToNull(subjectType), blankToNull(subjectId), before, PAGE));
        model.addAttribute("entries", entries);
        model.addAttribute("sealedActor", SealedIdentities.SEALED);
        model.addAttribute("action", action);
        model.addAttribute("subjectType", subjectType);
        model.addAttribute("subjectId", subjectId);
        model.addAttribute(
                "olderThan",
                entries.size() == PAGE ? entries.get(entries.size() - 1).seq() : null);
        return "audit/journal";
    }

    @GetMapping("/audit/verification")
    String verification(Model model) {
        model.addAttribute("verification", journal.verify());
        model.addAttribute("checkpoints", journal.checkpoints(null, 5));
        return "audit/verification";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return StringUtils.hasText(value) ? value.trim() : null;
    }

    @Bean
    static HttpAccessRules auditPageRules() {
        return registry -> registry.requestMatchers("/audit", "/audit/**")
                .hasAllAuthorities(HttpAccessRules.SIGNED_IN, Role.REGULATOR_AUDITOR.authority());
    }
}
