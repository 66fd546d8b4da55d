// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.web;

import java.time.Instant;
import org.baobab.bidding.SignedTreeHead;
import org.baobab.bidding.TreeHeads;
import org.baobab.shared.signing.PlatformSigningKey;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public transparency page: what the log is, its current signed head, the platform's public key, and a form where
 * anyone pastes a receipt to have their own browser check it ({@code /js/transparency.js}).
 */
@Controller
class TransparencyPageController {

    private final TreeHeads treeHeads;
    private final PlatformSigningKey signingKey;

    TransparencyPageController(TreeHeads treeHeads, PlatformSigningKey signingKey) {
        this.treeHeads = treeHeads;
        this.signingKey = signingKey;
    }

    @GetMapping("/transparency")
    String page(Model model) {
        SignedTreeHead head = treeHeads.current();
        model.addAttribute("head", head);
        model.addAttribute("headTime", Instant.ofEpochMilli(head.timestamp()));
        model.addAttribute("publicKey", signingKey.publicKeyBase64());
        model.addAttribute("publicKeyPem", signingKey.publicKeyPem());
        model.addAttribute("keyId", signingKey.keyId());
        return "bidding/transparency";
    }
}
