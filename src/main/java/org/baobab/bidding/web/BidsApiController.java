// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.baobab.bidding.BiddingErrorCode;
import org.baobab.bidding.Bids;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.SealingSets;
import org.baobab.bidding.SubmittedEnvelope;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sealed bids over JSON, for the bid page's script and for suppliers' own systems (with the Java library): what a
 * process's envelopes must be sealed to (public), submission of an uploaded envelope's manifest, withdrawal, the
 * company's envelopes and their receipts. Errors are RFC 9457 problem details in the user's language.
 */
@RestController
class BidsApiController {

    private final Bids bids;
    private final SealingSets sealingSets;
    private final Notices notices;
    private final MessageSource messages;

    BidsApiController(Bids bids, SealingSets sealingSets, Notices notices, MessageSource messages) {
        this.bids = bids;
        this.sealingSets = sealingSets;
        this.notices = notices;
        this.messages = messages;
    }

    /**
     * How to seal an envelope for the process: the committee's keys in share order, the threshold, the lot identifiers
     * and kinds of envelope it takes, the deadline. Public: public keys and the notice are public.
     */
    @GetMapping("/api/bids/sealing-sets/{ocid}")
    Map<String, Object> sealingSet(@PathVariable String ocid) {
        ProcessView process =
                notices.notice(ocid).orElseThrow(() -> new BaobabException(BiddingErrorCode.NOT_OPEN_FOR_BIDS, ocid));
        SealingSet set = sealingSets
                .forProcess(ocid)
                .orElseThrow(() -> new BaobabException(BiddingErrorCode.NO_SEALING_SET, ocid));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ocid", ocid);
        json.put("format", "BSE1");
        json.put("threshold", set.threshold());
        json.put(
                "committee",
                set.members().stream()
                        .map(m -> Map.of(
                                "position", m.position(),
                                "fingerprint", m.key().fingerprint(),
                                "point", m.key().base64()))
                        .toList());
        json.put("lots", Bids.lots(process.notice()));
        json.put("kinds", Bids.kinds(process.notice()).stream().sorted().toList());
        json.put(
                "submissionDeadline",
                process.notice().submissionDeadline() == null
                        ? null
                        : process.notice().submissionDeadline().toString());
        return json;
    }

    /** What a bidder submits: the completed upload of the ciphertext and the envelope's manifest (canonical JSON). */
    record Submission(UUID upload, String manifest) {}

    @PostMapping(path = "/api/bids", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> submit(
            @AuthenticationPrincipal CurrentUser user, @RequestBody Submission body, Locale locale) {
        if (body.upload() == null || body.manifest() == null) {
            throw new BaobabException(BiddingErrorCode.INVALID_VALUE, body.upload() == null ? "upload" : "manifest");
        }
        Bids.Outcome outcome = bids.submit(user, body.upload(), body.manifest());
        Map<String, Object> json = json(outcome.envelope());
        json.put("receipt", outcome.receipt().document());
        json.put(
                "warnings",
                outcome.warnings().stream()
                        .map(w -> messages.getMessage(
                                w.messageKey(), w.arguments().toArray(), locale))
                        .toList());
        json.put("repeat", outcome.repeat());
        URI location = URI.create("/bids/receipts/" + outcome.envelope().id());
        return outcome.repeat()
                ? ResponseEntity.ok().location(location).body(json)
                : ResponseEntity.created(location).body(json);
    }

    record Withdrawal(String ocid) {}

    @PostMapping(path = "/api/bids/withdrawals", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> withdraw(@AuthenticationPrincipal CurrentUser user, @RequestBody Withdrawal body) {
        if (body.ocid() == null) {
            throw new BaobabException(BiddingErrorCode.INVALID_VALUE, "ocid");
        }
        List<SubmittedEnvelope> withdrawn = bids.withdraw(user, body.ocid());
        return Map.of(
                "withdrawn", withdrawn.stream().map(e -> e.id().toString()).toList());
    }

    @GetMapping("/api/bids")
    List<Map<String, Object>> mine(@AuthenticationPrincipal CurrentUser user, @RequestParam String ocid) {
        return bids.ofMyCompany(user, ocid).stream()
                .map(BidsApiController::json)
                .toList();
    }

    /** The receipt document of one of the company's envelopes, as the bidder keeps it. */
    @GetMapping(path = "/api/bids/{envelope}/receipt", produces = MediaType.APPLICATION_JSON_VALUE)
    String receipt(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID envelope) {
        return bids.receipt(user, envelope).receipt().document();
    }

    static Map<String, Object> json(SubmittedEnvelope e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("envelope", e.id().toString());
        json.put("ocid", e.ocid());
        json.put("kind", e.kind());
        json.put("lots", e.lots());
        json.put("envelopeHash", e.envelopeHash());
        json.put("ciphertextSize", e.ciphertextSize());
        json.put("receivedAt", e.receivedAt().toString());
        json.put("logIndex", e.logIndex());
        json.put("state", e.state().code());
        return json;
    }
}
