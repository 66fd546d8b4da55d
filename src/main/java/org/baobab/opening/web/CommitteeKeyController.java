// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.bidding.LogStatements;
import org.baobab.bidding.transparency.Statements;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.CommitteeKeys;
import org.baobab.opening.OpeningErrorCode;
import org.baobab.shared.BaobabException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A committee member's key: the page ({@code /committee/key}) explains it and shows the enrolled key's fingerprint;
 * its script generates the key pair in the browser, offers the key file for download, asks a challenge and sends the
 * public key with the proof of possession (JSON, errors as RFC 9457 problems in the user's language).
 */
@Controller
class CommitteeKeyController {

    private final CommitteeKeys keys;

    private final LogStatements log;

    CommitteeKeyController(CommitteeKeys keys, LogStatements log) {
        this.keys = keys;
        this.log = log;
    }

    /** A set of the log that holds one of the member's keys: the process, the member's share, the key and the leaf. */
    record LoggedSet(String ocid, int position, int members, int threshold, String fingerprint, long leafIndex) {}

    @GetMapping("/committee/key")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("key", keys.currentKey(user.id()).orElse(null));
        model.addAttribute("mayEnrol", CommitteeKeys.mayEnrol(user));
        // from the public log, not from the opening tables: what bidders seal to if they check the log
        List<LogStatements.Logged<Statements.KeyEnrolment>> enrolled = log.enrolledKeys(user.id());
        List<LoggedSet> sets = new ArrayList<>();
        for (LogStatements.Logged<Statements.KeyEnrolment> key : enrolled) {
            String fingerprint = key.statement().fingerprint();
            for (LogStatements.Logged<Statements.SealingSetStatement> set : log.setsWithKey(fingerprint)) {
                for (Statements.SetMember m : set.statement().members()) {
                    if (m.userId().equals(user.id()) && m.fingerprint().equals(fingerprint)) {
                        sets.add(new LoggedSet(
                                set.statement().ocid(),
                                m.position(),
                                set.statement().members().size(),
                                set.statement().threshold(),
                                fingerprint,
                                set.leafIndex()));
                    }
                }
            }
        }
        model.addAttribute("loggedKeys", enrolled);
        model.addAttribute("loggedSets", sets);
        return "opening/key";
    }

    @PostMapping(path = "/api/committee/key/challenge", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> challenge(@AuthenticationPrincipal CurrentUser user) {
        CommitteeKeys.Enrolment e = keys.startEnrolment(user);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("challengeId", e.challengeId().toString());
        json.put("challenge", e.challenge());
        json.put("serverPoint", e.serverPoint());
        json.put("expiresAt", e.expiresAt().toString());
        return json;
    }

    /** The browser's answer: the challenge it answers, its public point (base64) and the proof. */
    record EnrolRequest(
            @Nullable String challengeId,
            @Nullable String publicKey,
            @Nullable String proof) {}

    @PostMapping(
            path = "/api/committee/key",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> enrol(@AuthenticationPrincipal CurrentUser user, @RequestBody EnrolRequest body) {
        UUID challenge;
        try {
            challenge = UUID.fromString(body.challengeId() == null ? "" : body.challengeId());
        } catch (IllegalArgumentException e) {
            throw new BaobabException(OpeningErrorCode.CHALLENGE_INVALID);
        }
        CommitteeKeys.EnrolledKey key = keys.enrol(
                user,
                challenge,
                body.publicKey() == null ? "" : body.publicKey(),
                body.proof() == null ? "" : body.proof());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fingerprint", key.fingerprint());
        json.put("shortFingerprint", key.shortFingerprint());
        json.put("enrolledAt", key.enrolledAt().toString());
        return json;
    }
}
