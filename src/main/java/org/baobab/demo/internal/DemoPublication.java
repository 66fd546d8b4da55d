// SPDX-License-Identifier: Apache-2.0
package org.baobab.demo.internal;

import static org.baobab.demo.internal.DemoStories.BUYER;
import static org.baobab.demo.internal.DemoStories.PRM;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.baobab.bidding.Bids;
import org.baobab.bidding.EnvelopeUpload;
import org.baobab.bidding.EnvelopeUploads;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.SealingSets;
import org.baobab.bidding.sealing.EnvelopeContext;
import org.baobab.bidding.sealing.Manifest;
import org.baobab.bidding.sealing.Sealer;
import org.baobab.demo.internal.DemoStories.Story;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.BuyerCategory;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.Tendering;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The history's first phase: the ministry publishes a story's notice, and the suppliers seal and submit their bids. */
@Component
class DemoPublication {

    private final Accounts accounts;
    private final Tendering tendering;
    private final SealingSets sealingSets;
    private final EnvelopeUploads uploads;
    private final Bids bids;

    DemoPublication(
            Accounts accounts, Tendering tendering, SealingSets sealingSets, EnvelopeUploads uploads, Bids bids) {
        this.accounts = accounts;
        this.tendering = tendering;
        this.sealingSets = sealingSets;
        this.uploads = uploads;
        this.bids = bids;
    }

    /** Publishes the story's notice with its deadline; returns the process's OCID. */
    String publish(Story s, Instant deadline) {
        CurrentUser buyer = user(BUYER);
        UUID authority = buyer.primaryMembership().orElseThrow().organisationId();
        NoticeDraft notice = new NoticeDraft(
                s.reference(),
                s.title(),
                s.description(),
                "fr",
                new NoticeDraft.Classification(BuyerCategory.ALL, s.nature(), null, List.of(s.cpv())),
                new NoticeDraft.Procedure(
                        "AOO",
                        false,
                        "Entreprises régulièrement installées, à jour de leurs obligations fiscales et sociales.",
                        "Offre conforme évaluée la moins-disante ; délai de livraison de 60 jours au plus ; préférence"
                                + " communautaire UEMOA de 15 %.",
                        "priceOnly",
                        List.of()),
                new NoticeDraft.Value("XOF", s.value(), true, "2 % du montant de l'offre"),
                new NoticeDraft.Dates(
                        deadline.minus(Duration.ofDays(7)),
                        deadline,
                        deadline.plus(Duration.ofHours(1)),
                        "Salle de réunion, MSAS, Dakar"),
                new NoticeDraft.Contact("Cellule de passation des marchés", BUYER, "+221 33 800 00 00"),
                List.of());
        UUID id = tendering.createOutsidePlan(
                buyer, authority, "Besoin apparu après la publication du plan de passation.", notice);
        byte[] dao = ("%PDF-1.4\n% Baobab demo tender documents: " + s.reference() + "\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
        tendering.attachDocument(
                buyer,
                id,
                new ByteArrayInputStream(dao),
                s.reference() + "-DAO.pdf",
                "application/pdf",
                "Dossier d'appel d'offres",
                "biddingDocuments");
        tendering.publish(user(PRM), id);
        return tendering.forStaff(buyer, id).ocid();
    }

    void bid(String ocid, String bidderEmail, String amount, @Nullable String rebate) {
        CurrentUser bidder = user(bidderEmail);
        SealingSet set = sealingSets.forProcess(ocid).orElseThrow();
        String form =
                "{\"declarations\":{\"honour\":true},\"form\":\"BBF1\",\"kind\":\"single\",\"lots\":[{\"amount\":\""
                        + amount + "\",\"currency\":\"XOF\",\"lot\":\"1\""
                        + (rebate == null ? "" : ",\"rebate\":\"" + rebate + "\"")
                        + "}],\"notes\":\"Délai de livraison : 45 jours.\",\"ocid\":\"" + ocid + "\"}";
        byte[] memo = ("Offre technique (démonstration) de " + bidder.organisationLabel() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        EnvelopeContext context =
                new EnvelopeContext(UUID.randomUUID(), EnvelopeContext.Kind.SINGLE, List.of("1"), ocid);
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
        Manifest manifest = Sealer.seal(
                context,
                set.keys(),
                set.threshold(),
                form.getBytes(StandardCharsets.UTF_8),
                List.of(new org.baobab.bidding.sealing.Attachment(
                        "offre-technique.txt", "text/plain", memo.length, new ByteArrayInputStream(memo))),
                ciphertext,
                new SecureRandom());
        byte[] bytes = ciphertext.toByteArray();
        EnvelopeUpload upload = uploads.start(bidder, ocid, bytes.length, sha256(bytes));
        uploads.append(bidder, upload.id(), 0, new ByteArrayInputStream(bytes));
        bids.submit(bidder, upload.id(), manifest.toJson());
    }

    private CurrentUser user(String email) {
        return accounts.currentUserByEmail(email).orElseThrow();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
