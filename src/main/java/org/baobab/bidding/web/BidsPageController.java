// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.web;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.baobab.bidding.Bids;
import org.baobab.bidding.EnvelopeUploads;
import org.baobab.bidding.ReceiptPdf;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.SealingSets;
import org.baobab.bidding.SubmittedEnvelope;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.signing.PlatformSigningKey;
import org.baobab.shared.web.FormErrors;
import org.baobab.suppliers.Eligibility;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bidder's pages: the company's bids, the page of one notice where a bid is sealed in the browser, uploaded and
 * submitted (the script {@code /js/bid.js} does the sealing and the upload; without it the page says why it is
 * needed and how to submit with the command-line tool), withdrawal, and each envelope's receipt.
 */
@Controller
class BidsPageController {

    private final Bids bids;
    private final SealingSets sealingSets;
    private final Notices notices;
    private final FormErrors forms;
    private final PlatformSigningKey signingKey;
    private final ReceiptPdf receiptPdf;

    BidsPageController(
            Bids bids,
            SealingSets sealingSets,
            Notices notices,
            FormErrors forms,
            PlatformSigningKey signingKey,
            ReceiptPdf receiptPdf) {
        this.receiptPdf = receiptPdf;
        this.bids = bids;
        this.sealingSets = sealingSets;
        this.notices = notices;
        this.forms = forms;
        this.signingKey = signingKey;
    }

    @GetMapping("/bids")
    String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("envelopes", bids.ofMyCompany(user, 200));
        model.addAttribute("company", bids.company(user).organisationName());
        return "bidding/bids";
    }

    @GetMapping("/bids/{ocid}")
    String bid(@AuthenticationPrincipal CurrentUser user, @PathVariable String ocid, Model model) {
        ProcessView process = notices.notice(ocid)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        Optional<SealingSet> set = sealingSets.forProcess(ocid);
        Eligibility eligibility = bids.eligibility(user, process);
        List<SubmittedEnvelope> envelopes = bids.ofMyCompany(user, ocid);
        boolean open = process.openForBids(notices.now());
        model.addAttribute("process", process);
        model.addAttribute("notice", process.notice());
        model.addAttribute("set", set.orElse(null));
        model.addAttribute("eligibility", eligibility);
        model.addAttribute("envelopes", envelopes);
        model.addAttribute(
                "current",
                envelopes.stream()
                        .filter(e -> e.state() == SubmittedEnvelope.State.CURRENT)
                        .toList());
        model.addAttribute("open", open);
        model.addAttribute("canSubmit", open && set.isPresent() && eligibility.eligible());
        model.addAttribute("lots", Bids.lots(process.notice()));
        model.addAttribute(
                "kinds",
                Bids.kinds(process.notice()).stream()
                        .sorted(Comparator.reverseOrder())
                        .toList());
        model.addAttribute("company", bids.company(user).organisationName());
        model.addAttribute("pieceSize", EnvelopeUploads.RECOMMENDED_PIECE);
        return "bidding/bid";
    }

    @PostMapping("/bids/{ocid}/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable String ocid, RedirectAttributes redirect) {
        return forms.act(redirect, "/bids/" + ocid, "bid.withdrawn", () -> bids.withdraw(user, ocid));
    }

    @GetMapping("/bids/receipts/{envelope}")
    String receipt(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID envelope, Model model) {
        Bids.Outcome outcome = bids.receipt(user, envelope);
        model.addAttribute("envelope", outcome.envelope());
        model.addAttribute("receipt", outcome.receipt());
        model.addAttribute("process", notices.notice(outcome.envelope().ocid()).orElse(null));
        // what the page's receipt check (transparency.js) verifies against
        model.addAttribute("publicKey", signingKey.publicKeyBase64());
        model.addAttribute("keyId", signingKey.keyId());
        return "bidding/receipt";
    }

    @GetMapping("/bids/receipts/{envelope}/receipt.pdf")
    ResponseEntity<byte[]> receiptPdf(
            @AuthenticationPrincipal CurrentUser user, @PathVariable UUID envelope, Locale locale) {
        Bids.Outcome outcome = bids.receipt(user, envelope);
        String title = notices.notice(outcome.envelope().ocid())
                .map(p -> p.notice().title())
                .orElse(outcome.envelope().ocid());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("receipt-" + outcome.receipt().logIndex() + ".pdf")
                                .build()
                                .toString())
                .body(receiptPdf.render(outcome.receipt(), title, locale));
    }

    @GetMapping("/bids/receipts/{envelope}/receipt.json")
    ResponseEntity<byte[]> receiptJson(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID envelope) {
        Bids.Outcome outcome = bids.receipt(user, envelope);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("receipt-" + outcome.receipt().logIndex() + ".json")
                                .build()
                                .toString())
                .body(outcome.receipt().document().getBytes(StandardCharsets.UTF_8));
    }
}
