// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.baobab.bidding.Bids;
import org.baobab.bidding.EnvelopeUpload;
import org.baobab.bidding.EnvelopeUploads;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.SealingSets;
import org.baobab.bidding.sealing.Attachment;
import org.baobab.bidding.sealing.EnvelopeContext;
import org.baobab.bidding.sealing.Manifest;
import org.baobab.bidding.sealing.Sealer;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.shared.database.DemoMode;
import org.baobab.tendering.NoticeSearch;
import org.baobab.tendering.NoticeSummary;
import org.baobab.tendering.Notices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A demo bid (demo mode only, once): Sahel Numérique's bid on the health ministry's computer-equipment notice, sealed
 * with the Java library to the notice's committee (whose demo key files are public), uploaded and submitted through
 * the same commands as a real one, so that the demo company has an envelope, a receipt and a transparency log leaf,
 * and the opening has something to open.
 */
@Component
@Order(50)
class DemoBids implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBids.class);

    static final String NOTICE = "MSAS-2026-AOO-014";

    static final String BIDDER = "offres@sahel-numerique.demo";

    private final DemoMode demoMode;
    private final Notices notices;
    private final SealingSets sealingSets;
    private final EnvelopeUploads uploads;
    private final Bids bids;
    private final Accounts accounts;
    private final JdbcClient jdbc;

    DemoBids(
            DemoMode demoMode,
            Notices notices,
            SealingSets sealingSets,
            EnvelopeUploads uploads,
            Bids bids,
            Accounts accounts,
            JdbcClient jdbc) {
        this.demoMode = demoMode;
        this.notices = notices;
        this.sealingSets = sealingSets;
        this.uploads = uploads;
        this.bids = bids;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()
                || jdbc.sql("select count(*) from bidding_envelope")
                                .query(Long.class)
                                .single()
                        > 0) {
            return;
        }
        CurrentUser bidder = accounts.currentUserByEmail(BIDDER).orElse(null);
        String ocid = notices.search(NoticeSearch.all(100)).items().stream()
                .filter(n -> n.reference().equals(NOTICE))
                .map(NoticeSummary::ocid)
                .findFirst()
                .orElse(null);
        SealingSet set = ocid == null ? null : sealingSets.forProcess(ocid).orElse(null);
        if (bidder == null || set == null) {
            return;
        }
        try {
            byte[] form = ("{\"declarations\":{\"honour\":true},\"form\":\"BBF1\",\"kind\":\"single\",\"lots\":["
                            + "{\"amount\":\"84500000\",\"currency\":\"XOF\",\"lot\":\"1\"}],\"notes\":\"Offre de"
                            + " démonstration : délai de livraison 45 jours, garantie 3 ans sur site.\",\"ocid\":\""
                            + ocid + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] memo = ("Mémoire technique (démonstration)\n\nOrdinateurs portables 14 pouces, 16 Go, SSD 512 Go; "
                            + "installation et formation dans les 14 districts sanitaires.\n")
                    .getBytes(StandardCharsets.UTF_8);
            EnvelopeContext context =
                    new EnvelopeContext(UUID.randomUUID(), EnvelopeContext.Kind.SINGLE, List.of("1"), ocid);
            ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
            Manifest manifest = Sealer.seal(
                    context,
                    set.keys(),
                    set.threshold(),
                    form,
                    List.of(new Attachment(
                            "memoire-technique.txt", "text/plain", memo.length, new ByteArrayInputStream(memo))),
                    ciphertext,
                    new SecureRandom());
            byte[] bytes = ciphertext.toByteArray();
            EnvelopeUpload upload = uploads.start(bidder, ocid, bytes.length, sha256(bytes));
            uploads.append(bidder, upload.id(), 0, new ByteArrayInputStream(bytes));
            bids.submit(bidder, upload.id(), manifest.toJson());
            log.info("Demo bid submitted on {}", ocid);
        } catch (BaobabException e) {
            log.warn("Demo bid not submitted: {}", e.errorCode().code());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
