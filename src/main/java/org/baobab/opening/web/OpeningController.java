// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.web;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.KeyReleases;
import org.baobab.opening.OpeningErrorCode;
import org.baobab.opening.OpeningMinutes;
import org.baobab.opening.OpeningSession;
import org.baobab.opening.OpeningSessions;
import org.baobab.opening.Pieces;
import org.baobab.shared.BaobabException;
import org.baobab.shared.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The committee members' opening page ({@code /opening/{ocid}}): start the session, declare presence and conflicts of
 * interest, and (with the page's script) release the share keys computed from the member's key file. The JSON calls
 * give the manifests to the browser and take the released keys (base64, 32 bytes each).
 */
@Controller
class OpeningController {

    private final OpeningSessions sessions;
    private final KeyReleases releases;
    private final OpeningMinutes minutes;
    private final FormErrors forms;

    OpeningController(OpeningSessions sessions, KeyReleases releases, OpeningMinutes minutes, FormErrors forms) {
        this.sessions = sessions;
        this.releases = releases;
        this.minutes = minutes;
        this.forms = forms;
    }

    @GetMapping("/opening/{ocid}")
    String page(@AuthenticationPrincipal CurrentUser user, @PathVariable String ocid, Model model) {
        List<OpeningSession> all = sessions.sessions(ocid);
        OpeningSession session = all.isEmpty() ? null : all.get(all.size() - 1);
        model.addAttribute("ocid", ocid);
        model.addAttribute("opening", session);
        model.addAttribute("me", session == null ? null : session.member(user.id()));
        if (session != null) {
            OpeningMinutes.Minutes m = minutes.minutes(session.id());
            model.addAttribute("approvals", m.approvals());
            model.addAttribute("pieces", m.pieces());
            model.addAttribute("documents", m.requiredDocuments());
            model.addAttribute("country", m.process().country());
            model.addAttribute("currency", m.process().notice().currency());
            model.addAttribute("states", Pieces.State.values());
            model.addAttribute("representatives", m.representatives());
            if (!model.containsAttribute("representativesText")) {
                model.addAttribute("representativesText", String.join("\n", m.representatives()));
            }
            model.addAttribute("mayRecord", minutes.mayRecord(user, session.id()));
            if (!model.containsAttribute("observations")) {
                model.addAttribute("observations", m.observations());
            }
        }
        return "opening/session";
    }

    @PostMapping("/opening/{ocid}/start")
    String start(@AuthenticationPrincipal CurrentUser user, @PathVariable String ocid, RedirectAttributes redirect) {
        return forms.act(redirect, "/opening/" + ocid, () -> {
            sessions.start(user, ocid);
            return "redirect:/opening/" + ocid;
        });
    }

    @PostMapping("/opening/{ocid}/declaration")
    String declare(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            @RequestParam(required = false) @Nullable String session,
            @RequestParam(required = false) @Nullable String conflict,
            RedirectAttributes redirect) {
        return forms.act(redirect, "/opening/" + ocid, () -> {
            if (conflict == null || !List.of("none", "conflict").contains(conflict)) {
                throw new BaobabException(OpeningErrorCode.NOT_DECLARED);
            }
            sessions.declare(user, sessionId(session), conflict.equals("conflict"));
            return "redirect:/opening/" + ocid;
        });
    }

    @PostMapping("/opening/{ocid}/minutes/observations")
    String observe(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            @RequestParam(required = false) @Nullable String session,
            @RequestParam(required = false) @Nullable String observations,
            RedirectAttributes redirect) {
        String typed = observations == null ? "" : observations;
        return forms.act(
                redirect,
                "/opening/" + ocid,
                () -> {
                    minutes.observe(user, sessionId(session), typed);
                    return "redirect:/opening/" + ocid;
                },
                () -> redirect.addFlashAttribute("observations", typed));
    }

    @PostMapping("/opening/{ocid}/minutes/approval")
    String approve(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            @RequestParam(required = false) @Nullable String session,
            RedirectAttributes redirect) {
        return forms.act(redirect, "/opening/" + ocid, () -> {
            minutes.approve(user, sessionId(session));
            return "redirect:/opening/" + ocid;
        });
    }

    /**
     * The state of an opened bid's pieces: {@code doc.<code>} = {@code present}, {@code absent} or
     * {@code non-compliant} for each document the notice requires, {@code security} = {@code present} or
     * {@code absent}, and for a present security its {@code securityAmount} and {@code securityIssuer} if read.
     */
    @PostMapping("/opening/{ocid}/pieces")
    String pieces(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        String envelope = form.getOrDefault("envelope", "");
        String back = "/opening/" + ocid + "#pieces-" + envelope.replaceAll("[^0-9a-f-]", "");
        return forms.act(
                redirect,
                back,
                () -> {
                    Map<String, Pieces.State> documents = new LinkedHashMap<>();
                    for (Map.Entry<String, String> e : form.entrySet()) {
                        if (e.getKey().startsWith("doc.")) {
                            documents.put(
                                    e.getKey().substring(4),
                                    Pieces.State.fromCode(e.getValue())
                                            .orElseThrow(
                                                    () -> new BaobabException(OpeningErrorCode.PIECES_INCOMPLETE)));
                        }
                    }
                    String security = form.get("security");
                    Pieces.BidSecurity bidSecurity;
                    if ("present".equals(security)) {
                        bidSecurity = new Pieces.BidSecurity(
                                true,
                                amount(form.get("securityAmount")),
                                null,
                                blankToNull(form.get("securityIssuer")));
                    } else if ("absent".equals(security)) {
                        bidSecurity = Pieces.BidSecurity.absent();
                    } else {
                        throw new BaobabException(OpeningErrorCode.BAD_BID_SECURITY);
                    }
                    minutes.recordPieces(
                            user, sessionId(form.get("session")), envelopeId(envelope), documents, bidSecurity);
                    return "redirect:" + back;
                },
                () -> redirect.addFlashAttribute("errorFor", "pieces-" + envelope));
    }

    @PostMapping("/opening/{ocid}/representatives")
    String representatives(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            @RequestParam(required = false) @Nullable String session,
            @RequestParam(required = false) @Nullable String representatives,
            RedirectAttributes redirect) {
        String typed = representatives == null ? "" : representatives;
        return forms.act(
                redirect,
                "/opening/" + ocid + "#representatives",
                () -> {
                    minutes.recordRepresentatives(user, sessionId(session), typed);
                    return "redirect:/opening/" + ocid + "#representatives";
                },
                () -> {
                    redirect.addFlashAttribute("errorFor", "representatives");
                    redirect.addFlashAttribute("representativesText", typed);
                });
    }

    /** An amount as typed: spaces (grouping) ignored, a decimal comma taken as a point; blank for none. */
    private static @Nullable BigDecimal amount(@Nullable String text) {
        String typed = blankToNull(text);
        if (typed == null) {
            return null;
        }
        try {
            return new BigDecimal(typed.replaceAll("[\\s\u00a0\u202f]", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new BaobabException(OpeningErrorCode.BAD_BID_SECURITY);
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static UUID envelopeId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BaobabException(OpeningErrorCode.NOT_READ);
        }
    }

    @GetMapping(path = "/api/opening/sessions/{id}/manifests", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Map<String, Object>> manifests(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return releases.toRelease(user, id).stream()
                .map(r -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("envelope", r.envelopeId().toString());
                    json.put("position", r.position());
                    json.put("manifest", r.manifest());
                    return json;
                })
                .toList();
    }

    /** The released keys: envelope id → base64 of the 32-byte key of the member's share. */
    record ReleaseRequest(@Nullable Map<String, String> keys) {}

    @PostMapping(
            path = "/api/opening/sessions/{id}/releases",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> release(
            @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @RequestBody ReleaseRequest body) {
        Map<UUID, byte[]> keys = new LinkedHashMap<>();
        if (body.keys() != null) {
            for (Map.Entry<String, String> e : body.keys().entrySet()) {
                try {
                    keys.put(UUID.fromString(e.getKey()), Base64.getDecoder().decode(e.getValue()));
                } catch (IllegalArgumentException | NullPointerException bad) {
                    throw new BaobabException(OpeningErrorCode.WRONG_RELEASE);
                }
            }
        }
        OpeningSession session = releases.release(user, id, keys);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("opened", session.readings().size());
        json.put(
                "waiting",
                session.unopened().stream()
                        .filter(u -> u.state().equals("current"))
                        .count());
        json.put("complete", session.complete());
        return json;
    }

    private static UUID sessionId(@Nullable String id) {
        try {
            return UUID.fromString(id == null ? "" : id);
        } catch (IllegalArgumentException e) {
            throw new BaobabException(OpeningErrorCode.UNKNOWN_SESSION);
        }
    }
}
