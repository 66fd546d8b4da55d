// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.baobab.audit.AuditEntry;
import org.baobab.audit.AuditJournal;
import org.baobab.audit.ChainVerification;
import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.Role;
import org.baobab.shared.signing.PlatformSigningKey;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The journal's API: the chain verification and the entries for the regulator's auditors; the signed checkpoints and
 * the platform's public key for everyone, so that anyone can keep copies and notice a rewritten history.
 */
@RestController
class AuditApiController {

    private final AuditJournal journal;
    private final PlatformSigningKey signingKey;
    private final SealedIdentities sealed;

    AuditApiController(AuditJournal journal, PlatformSigningKey signingKey, SealedIdentities sealed) {
        this.journal = journal;
        this.signingKey = signingKey;
        this.sealed = sealed;
    }

    @GetMapping("/api/audit/verification")
    ChainVerification verification() {
        return journal.verify();
    }

    @GetMapping("/api/audit/entries")
    List<AuditEntry> entries(
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String subjectType,
            @RequestParam(required = false) @Nullable String subjectId,
            @RequestParam(required = false) @Nullable Long before,
            @RequestParam(defaultValue = "50") int limit) {
        return sealed.disclosed(journal.entries(action, subjectType, subjectId, before, limit));
    }

    /** The whole journal and its checkpoints as JSON Lines, for {@code JournalTool verify-journal}. */
    @GetMapping("/api/audit/export")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType("application/jsonl;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"journal.jsonl\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        journal.export(out, sealed.disclosure());
        out.flush();
    }

    @GetMapping("/api/audit/checkpoints")
    List<AuditJournal.SignedCheckpoint> checkpoints(
            @RequestParam(required = false) @Nullable Long before, @RequestParam(defaultValue = "50") int limit) {
        return journal.checkpoints(before, limit);
    }

    @GetMapping("/api/platform/signing-key")
    Map<String, String> signingKey() {
        return Map.of(
                "algorithm", "Ed25519",
                "keyId", signingKey.keyId(),
                "publicKey", signingKey.publicKeyBase64(),
                "pem", signingKey.publicKeyPem());
    }

    @Bean
    static HttpAccessRules auditRules() {
        return registry -> {
            registry.requestMatchers("/api/audit/verification", "/api/audit/entries", "/api/audit/export")
                    .hasAllAuthorities(HttpAccessRules.SIGNED_IN, Role.REGULATOR_AUDITOR.authority());
            registry.requestMatchers("/api/audit/checkpoints", "/api/platform/signing-key")
                    .permitAll();
        };
    }
}
