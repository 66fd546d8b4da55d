// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.bidding.sealing.Attachment;
import org.baobab.bidding.sealing.CommitteeKey;
import org.baobab.bidding.sealing.EnvelopeContext;
import org.baobab.bidding.sealing.Manifest;
import org.baobab.bidding.sealing.MemberKey;
import org.baobab.bidding.sealing.MemorySink;
import org.baobab.bidding.sealing.Opener;
import org.baobab.bidding.sealing.Sealer;
import org.baobab.bidding.sealing.ShareOpener;
import org.baobab.documents.Documents;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.OpeningFixtures;
import org.baobab.suppliers.Exclusion;
import org.baobab.suppliers.Exclusions;
import org.baobab.suppliers.NewCompanies;
import org.baobab.suppliers.SupplierProfiles;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingFixtures;
import org.springframework.stereotype.Component;

/**
 * Bids as a supplier's own system makes them with the Java library: a published notice of the demo health ministry
 * (whose opening committee has enrolled keys), an envelope sealed to its sealing set, its ciphertext uploaded.
 */
@Component
public class BidFixtures {

    private final Tendering tendering;
    private final TenderingFixtures tenderingFixtures;
    private final SealingSets sealingSets;
    private final EnvelopeUploads uploads;
    private final Accounts accounts;
    private final SupplierProfiles profiles;
    private final Exclusions exclusions;
    private final Bids bids;
    private final Documents documents;

    BidFixtures(
            Tendering tendering,
            TenderingFixtures tenderingFixtures,
            SealingSets sealingSets,
            EnvelopeUploads uploads,
            Accounts accounts,
            SupplierProfiles profiles,
            Exclusions exclusions,
            Bids bids,
            Documents documents) {
        this.bids = bids;
        this.documents = documents;
        this.tendering = tendering;
        this.tenderingFixtures = tenderingFixtures;
        this.sealingSets = sealingSets;
        this.uploads = uploads;
        this.accounts = accounts;
        this.profiles = profiles;
        this.exclusions = exclusions;
    }

    /** What an opened envelope held: the bid form's text and the files by name. */
    public record Opened(String bidForm, Map<String, byte[]> files) {}

    /**
     * Opens a submitted envelope as the committee will: the first {@code k} members' shares, decrypted with their
     * private keys, rebuild the data key, which decrypts the ciphertext from the document store.
     */
    public Opened open(SubmittedEnvelope envelope) throws IOException {
        Manifest manifest = bids.manifest(envelope.id()).orElseThrow();
        Map<Integer, MemberKey> keys = OpeningFixtures.memberKeys(sealingSet(envelope.ocid()));
        List<byte[]> shares = new ArrayList<>();
        for (int j = 1; j <= manifest.threshold(); j++) {
            shares.add(ShareOpener.decrypt(manifest, j, keys.get(j)));
        }
        MemorySink sink = new MemorySink();
        try (InputStream ciphertext = documents.open(envelope.document())) {
            Opener.open(manifest, shares, ciphertext, sink);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 1; i < sink.headers.size(); i++) {
            files.put(sink.headers.get(i).name(), sink.contents.get(i));
        }
        return new Opened(new String(sink.contents.get(0), StandardCharsets.UTF_8), files);
    }

    public EnvelopeUploads uploads() {
        return uploads;
    }

    public SealingSet sealingSet(String ocid) {
        return sealingSets.forProcess(ocid).orElseThrow();
    }

    /** A new Senegalese company, registered and profiled as a real one would be; gives its admin. */
    public CurrentUser newCompany() {
        CurrentUser admin = NewCompanies.register(accounts, "SN");
        NewCompanies.profile(
                profiles, admin, admin.primaryMembership().orElseThrow().organisationName(), false);
        return admin;
    }

    /** The regulator excludes the company from all public procurement in Senegal for a month from today. */
    public void exclude(UUID company) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        exclusions.record(
                tenderingFixtures.user("crd@arcop.demo"),
                tenderingFixtures.organisationOf("crd@arcop.demo"),
                new Exclusion.Draft(
                        company, "", "", null, today.minusDays(1), today.plusDays(30), "Décision de test", "Test"));
    }

    /** Seals a small bid to any keys and threshold (to test what the server refuses). */
    public Sealed sealTo(String ocid, List<CommitteeKey> keys, int threshold) {
        EnvelopeContext context =
                new EnvelopeContext(UUID.randomUUID(), EnvelopeContext.Kind.SINGLE, List.of("1"), ocid);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Manifest manifest = Sealer.seal(
                context,
                keys,
                threshold,
                "{\"form\":\"BBF1\"}".getBytes(StandardCharsets.UTF_8),
                List.of(),
                out,
                new SecureRandom());
        return new Sealed(manifest, out.toByteArray());
    }

    /** A sealed envelope: its manifest and ciphertext. */
    public record Sealed(Manifest manifest, byte[] ciphertext) {

        public UUID envelopeId() {
            return manifest.context().envelope();
        }

        public String manifestJson() {
            return manifest.toJson();
        }
    }

    /** Publishes a notice of the demo health ministry (two lots) and gives its ocid. */
    public String openNotice(String title) {
        return openNotice(tenderingFixtures.notice("SN", title));
    }

    public String openNotice(NoticeDraft notice) {
        CurrentUser buyer = tenderingFixtures.user(TenderingFixtures.BUYER);
        UUID id = tendering.createOutsidePlan(
                buyer, tenderingFixtures.organisationOf(TenderingFixtures.BUYER), "motif", notice);
        tendering.publish(tenderingFixtures.user(TenderingFixtures.PRM), id);
        return tendering.forStaff(buyer, id).ocid();
    }

    public CurrentUser bidder() {
        return tenderingFixtures.user(TenderingFixtures.SUPPLIER);
    }

    public CurrentUser user(String email) {
        return tenderingFixtures.user(email);
    }

    /** Seals a bid form and files to the process's sealing set. */
    public Sealed seal(
            String ocid,
            EnvelopeContext.Kind kind,
            List<String> lots,
            String bidForm,
            SecureRandom random,
            byte[]... files) {
        return seal(UUID.randomUUID(), ocid, kind, lots, bidForm, random, files);
    }

    /** A single-envelope bid on lot 1 with a price, under an envelope id chosen by the test (to reuse one). */
    public Sealed seal(UUID envelopeId, String ocid, String amount) {
        return seal(
                envelopeId, ocid, EnvelopeContext.Kind.SINGLE, List.of("1"), bidForm(ocid, amount), new SecureRandom());
    }

    private Sealed seal(
            UUID envelopeId,
            String ocid,
            EnvelopeContext.Kind kind,
            List<String> lots,
            String bidForm,
            SecureRandom random,
            byte[]... files) {
        SealingSet set = sealingSets.forProcess(ocid).orElseThrow();
        EnvelopeContext context = new EnvelopeContext(envelopeId, kind, lots, ocid);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Attachment> attachments = new java.util.ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            attachments.add(new Attachment(
                    "piece-" + (i + 1) + ".pdf",
                    "application/pdf",
                    files[i].length,
                    new ByteArrayInputStream(files[i])));
        }
        Manifest manifest = Sealer.seal(
                context,
                set.keys(),
                set.threshold(),
                bidForm.getBytes(StandardCharsets.UTF_8),
                attachments,
                out,
                random);
        return new Sealed(manifest, out.toByteArray());
    }

    /** A single-envelope bid on lot 1 with a price, sealed with a fresh random. */
    public Sealed seal(String ocid, String amount) {
        return seal(ocid, EnvelopeContext.Kind.SINGLE, List.of("1"), bidForm(ocid, amount), new SecureRandom());
    }

    private static String bidForm(String ocid, String amount) {
        return "{\"declarations\":{\"honour\":true},\"form\":\"BBF1\",\"kind\":\"single\",\"lots\":[{\"amount\":\""
                + amount + "\",\"currency\":\"XOF\",\"lot\":\"1\"}],\"ocid\":\"" + ocid + "\"}";
    }

    /** Uploads the ciphertext in one piece and gives the completed upload's id. */
    public UUID upload(CurrentUser bidder, Sealed sealed) {
        EnvelopeUpload upload = uploads.start(
                bidder, sealed.manifest().context().ocid(), sealed.ciphertext().length, sha256(sealed.ciphertext()));
        return uploads.append(bidder, upload.id(), 0, new ByteArrayInputStream(sealed.ciphertext()))
                .id();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
