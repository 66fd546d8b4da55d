// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.baobab.opendata.internal.OcdsJson;
import org.baobab.opendata.internal.OpenDataProperties;
import org.baobab.opendata.internal.ReleaseStore;
import org.baobab.opendata.internal.StoredRelease;
import org.baobab.opendata.ocds.Release;
import org.baobab.shared.BaobabException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The OCDS publication every module uses. A producer (tendering, planning, award…) calls {@link #publish} inside the
 * transaction of the change that becomes public, so the change and its release commit or roll back together; a
 * published release is never changed or deleted (the database refuses it). A correction is a new release.
 */
@Service
public class OpenData {

    private static final Pattern LOCAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final ReleaseStore store;
    private final OcdsJson json;
    private final OpenDataProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OpenData(
            ReleaseStore store,
            OcdsJson json,
            OpenDataProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.json = json;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** The platform's OCID prefix ({@code baobab.opendata.ocid-prefix}), e.g. {@code ocds-baobab}. */
    public String ocidPrefix() {
        return properties.ocidPrefix();
    }

    /**
     * The ocid of a contracting process: the prefix, a dash and the process's local identifier, e.g. {@code
     * ocds-baobab-2026-000123}. Choose a local identifier that never changes and is never reused; it appears in public
     * URLs, so it is made of ASCII letters, digits, dots, dashes and underscores only (no slash, no space).
     *
     * @throws BaobabException {@code OPENDATA-0003} for any other local identifier
     */
    public String ocid(String localId) {
        if (!LOCAL_ID.matcher(localId).matches()) {
            throw new BaobabException(OpenDataErrorCode.INVALID_RELEASE, "local id \"" + localId + "\"");
        }
        return properties.ocidPrefix() + "-" + localId;
    }

    /**
     * Publishes the release, for ever, in the caller's transaction (there must be one). Fills in what is missing: the
     * {@code id} ({@code <ocid>-0001}, {@code <ocid>-0002}… in order of publication for this ocid), the {@code date}
     * (now) and the {@code initiationType} ({@code tender}). Journals {@code opendata.release-published}.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException without an active transaction
     * @throws BaobabException {@code OPENDATA-0001} (409) if this ocid already has a release with this id, {@code
     *     -0002} if the ocid does not carry the platform's prefix, {@code -0003} if the release has no tag
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PublishedRelease publish(Release release) {
        String ocid = release.ocid();
        if (ocid == null || !ocid.startsWith(properties.ocidPrefix() + "-")) {
            throw new BaobabException(OpenDataErrorCode.FOREIGN_OCID, String.valueOf(ocid), properties.ocidPrefix());
        }
        if (release.tag().isEmpty()) {
            throw new BaobabException(OpenDataErrorCode.INVALID_RELEASE, "tag");
        }
        String id = release.id() == null || release.id().isEmpty() ? nextId(ocid) : release.id();
        if (store.exists(ocid, id)) {
            throw new BaobabException(OpenDataErrorCode.DUPLICATE_RELEASE, ocid, id);
        }
        // The audit module journals the event synchronously and serialises its appends until commit; taking the
        // publication lock only after it keeps one lock order everywhere (journal, then publication): no deadlock.
        events.publishEvent(new ReleasePublished(ocid, id, release.tag()));
        store.lockForPublication();
        if (store.exists(ocid, id)) {
            // a concurrent publication for the same process took this id first: refuse; a retry gets the next one
            throw new BaobabException(OpenDataErrorCode.DUPLICATE_RELEASE, ocid, id);
        }
        long sequence = store.nextSequence();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Release complete = release.toBuilder()
                .id(id)
                .date(release.date() == null ? now : release.date())
                .initiationType(release.initiationType() == null ? "tender" : release.initiationType())
                .build();
        StoredRelease stored =
                new StoredRelease(sequence, ocid, id, complete.date(), complete.tag(), now, json.write(complete));
        store.insert(stored);
        return stored.published();
    }

    /** The release as OCDS JSON, exactly as {@link #publish} would store it (without filling anything in). */
    public String toJson(Release release) {
        return json.write(release);
    }

    /** The latest release published for this contracting process. */
    @Transactional(readOnly = true)
    public Optional<Release> latest(String ocid) {
        List<StoredRelease> all = store.byOcid(ocid);
        return all.isEmpty()
                ? Optional.empty()
                : Optional.of(json.read(all.get(all.size() - 1).json()));
    }

    /** Every release published for this contracting process, oldest first. */
    @Transactional(readOnly = true)
    public List<Release> releases(String ocid) {
        return store.byOcid(ocid).stream().map(r -> json.read(r.json())).toList();
    }

    /** Every release published for this contracting process as stored (with its JSON), oldest first. */
    @Transactional(readOnly = true)
    public List<PublishedRelease> published(String ocid) {
        return store.byOcid(ocid).stream().map(StoredRelease::published).toList();
    }

    private String nextId(String ocid) {
        int n = store.count(ocid) + 1;
        while (store.exists(ocid, format(ocid, n))) {
            n++;
        }
        return format(ocid, n);
    }

    private static String format(String ocid, int n) {
        return ocid + "-" + String.format(Locale.ROOT, "%04d", n);
    }
}
