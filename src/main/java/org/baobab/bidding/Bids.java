// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.baobab.bidding.internal.EnvelopeStore;
import org.baobab.bidding.internal.UploadStore;
import org.baobab.bidding.sealing.Manifest;
import org.baobab.bidding.sealing.SealingException;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Nature;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.suppliers.Eligibility;
import org.baobab.suppliers.SupplierEligibility;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessStatus;
import org.baobab.tendering.ProcessView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submission of sealed bids. A bid is an envelope sealed in the bidder's browser (or by the Java library) to the
 * process's opening committee, its ciphertext uploaded first ({@link EnvelopeUploads}); submitting hands the server the
 * manifest, and in one transaction the server checks it against the upload, the committee, the notice's lots and
 * procedure and the company's eligibility, takes the log's lock and the instant of receipt from its own clock under it
 * (refused from the deadline on), records the envelope, supersedes the company's previous one of the same kind, and
 * issues the signed receipt, a leaf of the transparency log. Submitting the same envelope again (same id, company and
 * envelope hash, through any upload, at any time) returns the same receipt. Until the deadline the company may replace
 * its bid (a new envelope) or withdraw it; what is replaced or withdrawn is kept and never opened.
 */
@Service
public class Bids {

    /** Kinds of envelope: one for most procedures, technical and financial for two-envelope procedures. */
    public static final String SINGLE = "single";

    public static final String TECHNICAL = "technical";

    public static final String FINANCIAL = "financial";

    private final EnvelopeStore store;
    private final UploadStore uploads;
    private final Receipts receipts;
    private final SealingSets sealingSets;
    private final Notices notices;
    private final SupplierEligibility eligibility;
    private final RulePacks packs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Bids(
            EnvelopeStore store,
            UploadStore uploads,
            Receipts receipts,
            SealingSets sealingSets,
            Notices notices,
            SupplierEligibility eligibility,
            RulePacks packs,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.uploads = uploads;
        this.receipts = receipts;
        this.sealingSets = sealingSets;
        this.notices = notices;
        this.eligibility = eligibility;
        this.packs = packs;
        this.events = events;
        this.clock = clock;
    }

    /** An accepted envelope, its receipt, the eligibility warnings at submission, and whether it was a repeat. */
    public record Outcome(
            SubmittedEnvelope envelope, Receipt receipt, List<Eligibility.Finding> warnings, boolean repeat) {}

    /**
     * Submits the envelope whose ciphertext is the completed upload {@code uploadId} and whose manifest is
     * {@code manifestJson} (canonical JSON, docs/sealing-format.md).
     *
     * @throws BaobabException with a {@link BiddingErrorCode} when anything is refused; nothing is then written
     */
    @Transactional
    public Outcome submit(CurrentUser actor, UUID uploadId, String manifestJson) {
        CurrentUser.Membership company = EnvelopeUploads.bidder(actor);
        Manifest manifest;
        try {
            manifest = Manifest.fromJson(manifestJson.getBytes(StandardCharsets.UTF_8));
        } catch (SealingException e) {
            throw new BaobabException(BiddingErrorCode.INVALID_MANIFEST, e.getMessage());
        }
        UUID envelopeId = manifest.context().envelope();
        Optional<Outcome> known = repeat(company, manifest);
        if (known.isPresent()) {
            return known.get();
        }
        // locks the upload: a concurrent submission of the same upload waits here until the first one ends
        EnvelopeUpload upload = uploads.find(uploadId, company.organisationId(), true)
                .orElseThrow(() -> new BaobabException(BiddingErrorCode.UNKNOWN_UPLOAD));
        if (!upload.complete() || upload.document() == null) {
            throw new BaobabException(BiddingErrorCode.UPLOAD_INCOMPLETE);
        }
        if (store.envelopeOfUpload(uploadId).isPresent()) {
            // the same envelope, sent again while the first request was still under way, is now accepted: its receipt
            return repeat(company, manifest).orElseThrow(() -> new BaobabException(BiddingErrorCode.UPLOAD_USED));
        }
        String ocid = manifest.context().ocid();
        if (!upload.ocid().equals(ocid)) {
            throw new BaobabException(BiddingErrorCode.MANIFEST_MISMATCH, "ocid");
        }
        if (manifest.ciphertextSize() != upload.size()
                || !manifest.ciphertextSha256().equals(upload.sha256())) {
            throw new BaobabException(BiddingErrorCode.MANIFEST_MISMATCH, "ciphertext");
        }
        ProcessView process = notices.notice(ocid).orElseThrow(() -> notOpen(ocid));
        // an early refusal; the instant that counts is taken under the log's lock below
        Instant checked = clock.instant();
        requireOpen(process, checked);
        SealingSet set = sealingSets
                .forProcess(ocid)
                .orElseThrow(() -> new BaobabException(BiddingErrorCode.NO_SEALING_SET, ocid));
        if (!manifest.fingerprints().equals(set.fingerprints()) || manifest.threshold() != set.threshold()) {
            throw new BaobabException(BiddingErrorCode.WRONG_COMMITTEE);
        }
        List<String> allowedLots = lots(process.notice());
        for (String lot : manifest.context().lots()) {
            if (!allowedLots.contains(lot)) {
                throw new BaobabException(BiddingErrorCode.UNKNOWN_LOT, lot);
            }
        }
        String kind = manifest.context().kind().json();
        if (!kinds(process.notice()).contains(kind)) {
            throw new BaobabException(BiddingErrorCode.KIND_NOT_ALLOWED, kind);
        }
        Eligibility eligible = eligibility(company.organisationId(), process, checked);
        if (!eligible.eligible()) {
            Eligibility.Finding first = eligible.blocking().get(0);
            throw new BaobabException(
                    BiddingErrorCode.NOT_ELIGIBLE,
                    new DefaultMessageSourceResolvable(
                            new String[] {first.messageKey()}, first.arguments().toArray()));
        }
        // the log's lock serialises submissions until this transaction ends: the instant of receipt is read under it,
        // so the log's order is the order of receipt, and the deadline is checked against that instant, so nothing
        // that waited for the lock past the deadline commits
        Instant now = receipts.lockForReceipt();
        Optional<Outcome> raced = repeat(company, manifest);
        if (raced.isPresent()) {
            // the same envelope, sent again (another upload) while the first request was under way, is now accepted
            return raced.get();
        }
        requireOpen(process, now);
        List<String> lots = manifest.context().lots();
        Receipt receipt = receipts.issue(new ReceiptDraft(
                ocid,
                lots,
                company.organisationId(),
                company.organisationName(),
                envelopeId,
                manifest.envelopeHash(),
                kind,
                now));
        // the company's current envelope read next is the one every earlier submission left
        Optional<SubmittedEnvelope> previous = store.currentForUpdate(ocid, company.organisationId()).stream()
                .filter(e -> e.kind().equals(kind))
                .findFirst();
        SubmittedEnvelope envelope = new SubmittedEnvelope(
                envelopeId,
                ocid,
                company.organisationId(),
                company.organisationName(),
                actor.id(),
                kind,
                receipt.content().lots(),
                manifest.envelopeHash(),
                upload.document(),
                upload.size(),
                receipt.content().receivedAt(),
                receipt.logIndex(),
                SubmittedEnvelope.State.CURRENT,
                null,
                null);
        previous.ifPresent(p -> store.end(p.id(), SubmittedEnvelope.State.SUPERSEDED, envelopeId, now, actor.id()));
        store.insert(envelope, manifest.canonicalBytes(), uploadId);
        events.publishEvent(new BiddingEvents.BidSubmitted(
                actor.email(),
                company.organisationId().toString(),
                ocid,
                envelopeId,
                kind,
                envelope.lots(),
                envelope.envelopeHash(),
                receipt.logIndex(),
                envelope.receivedAt(),
                receipt.document(),
                actor.id(),
                previous.map(SubmittedEnvelope::id).orElse(null)));
        return new Outcome(envelope, receipt, eligible.warnings(), false);
    }

    /**
     * The receipt of an envelope accepted already, whatever the time (it was received before the deadline) and
     * whichever upload the request names: the same envelope is the same envelope id, the same company and the same
     * envelope hash (the hash of the canonical manifest, which covers the ciphertext's hash). The same id for another
     * envelope or another company is refused ({@code BIDDING-0020}); empty if the envelope id is new.
     */
    private Optional<Outcome> repeat(CurrentUser.Membership company, Manifest manifest) {
        Optional<SubmittedEnvelope> known = store.find(manifest.context().envelope());
        if (known.isEmpty()) {
            return Optional.empty();
        }
        SubmittedEnvelope envelope = known.get();
        if (!envelope.organisationId().equals(company.organisationId())
                || !envelope.envelopeHash().equals(manifest.envelopeHash())) {
            throw new BaobabException(BiddingErrorCode.ENVELOPE_ID_USED);
        }
        Receipt receipt = receipts.ofEnvelope(envelope.id()).orElseThrow();
        return Optional.of(new Outcome(envelope, receipt, List.of(), true));
    }

    /**
     * Withdraws the company's current envelopes for the process (both of a two-envelope bid), before the deadline.
     *
     * @return the envelopes withdrawn
     */
    @Transactional
    public List<SubmittedEnvelope> withdraw(CurrentUser actor, String ocid) {
        CurrentUser.Membership company = EnvelopeUploads.bidder(actor);
        ProcessView process = notices.notice(ocid).orElseThrow(() -> notOpen(ocid));
        requireOpen(process, clock.instant());
        // like a submission, the instant that counts is read under the log's lock, which orders it with submissions
        Instant now = receipts.lockForReceipt();
        requireOpen(process, now);
        List<SubmittedEnvelope> current = store.currentForUpdate(ocid, company.organisationId());
        if (current.isEmpty()) {
            throw new BaobabException(BiddingErrorCode.NO_CURRENT_BID);
        }
        for (SubmittedEnvelope e : current) {
            store.end(e.id(), SubmittedEnvelope.State.WITHDRAWN, null, now, actor.id());
        }
        events.publishEvent(new BiddingEvents.BidWithdrawn(
                actor.email(),
                company.organisationId().toString(),
                ocid,
                current.stream().map(SubmittedEnvelope::id).toList()));
        return current;
    }

    /** The supplier company the actor bids for (refused if the actor may not prepare bids). */
    public CurrentUser.Membership company(CurrentUser actor) {
        return EnvelopeUploads.bidder(actor);
    }

    /** The actor's company's envelopes for the process, newest first. */
    @Transactional(readOnly = true)
    public List<SubmittedEnvelope> ofMyCompany(CurrentUser actor, String ocid) {
        return store.ofCompany(ocid, EnvelopeUploads.bidder(actor).organisationId());
    }

    /** The actor's company's latest envelopes, all processes, newest first. */
    @Transactional(readOnly = true)
    public List<SubmittedEnvelope> ofMyCompany(CurrentUser actor, int limit) {
        return store.ofCompany(EnvelopeUploads.bidder(actor).organisationId(), limit);
    }

    /** An envelope of the actor's company and its receipt. */
    @Transactional(readOnly = true)
    public Outcome receipt(CurrentUser actor, UUID envelopeId) {
        UUID organisation = EnvelopeUploads.bidder(actor).organisationId();
        SubmittedEnvelope envelope = store.find(envelopeId)
                .filter(e -> e.organisationId().equals(organisation))
                .orElseThrow(() -> new BaobabException(BiddingErrorCode.UNKNOWN_ENVELOPE));
        return new Outcome(envelope, receipts.ofEnvelope(envelopeId).orElseThrow(), List.of(), true);
    }

    /**
     * Every envelope of the process in order of receipt, whatever its state: for the opening (only current ones are
     * opened) and to reach the companies that bid. Says nothing of content: there is none to say.
     */
    @Transactional(readOnly = true)
    public List<SubmittedEnvelope> envelopes(String ocid) {
        return store.ofProcess(ocid);
    }

    /** The canonical manifest of an envelope (its encrypted shares, sizes and hashes), for the opening. */
    @Transactional(readOnly = true)
    public Optional<Manifest> manifest(UUID envelopeId) {
        return store.manifest(envelopeId).map(Manifest::fromJson);
    }

    /** May the actor's company bid on the process now? What blocks and what only warns. */
    @Transactional(readOnly = true)
    public Eligibility eligibility(CurrentUser actor, ProcessView process) {
        return eligibility(EnvelopeUploads.bidder(actor).organisationId(), process, clock.instant());
    }

    private Eligibility eligibility(UUID organisationId, ProcessView process, Instant at) {
        NoticeDraft notice = process.notice();
        return eligibility.check(
                organisationId, process.country(), notice.classification().nature(), notice.requiredDocuments(), at);
    }

    /** The lot identifiers an envelope may answer: the notice's lot numbers, or "1" for a notice without lots. */
    public static List<String> lots(NoticeDraft notice) {
        if (notice.lots().isEmpty()) {
            return List.of("1");
        }
        List<String> lots = new ArrayList<>();
        notice.lots().forEach(l -> lots.add(String.valueOf(l.number())));
        return lots;
    }

    /**
     * The kinds of envelope the procedure takes: a technical and a financial one where the financial offer is opened
     * only for technically qualified bidders (consulting services, or award on quality or rated criteria), else one.
     */
    public static Set<String> kinds(NoticeDraft notice) {
        boolean twoEnvelopes = notice.classification().nature() == Nature.CONSULTING
                || "qualityOnly".equals(notice.awardCriteria())
                || "ratedCriteria".equals(notice.awardCriteria());
        return twoEnvelopes ? Set.of(TECHNICAL, FINANCIAL) : Set.of(SINGLE);
    }

    private void requireOpen(ProcessView process, Instant now) {
        Instant deadline = process.notice().submissionDeadline();
        if (process.status() != ProcessStatus.PUBLISHED || deadline == null) {
            throw notOpen(process.ocid());
        }
        if (!now.isBefore(deadline)) {
            ZoneId zone = packs.zone(process.country());
            DateTimeFormatter format =
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(zone);
            throw new BaobabException(
                    BiddingErrorCode.DEADLINE_PASSED, format.format(deadline) + " (" + zone + ")", format.format(now));
        }
    }

    private static BaobabException notOpen(String ocid) {
        return new BaobabException(BiddingErrorCode.NOT_OPEN_FOR_BIDS, ocid);
    }
}
