// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

import java.time.Instant;
import java.util.List;

/**
 * An OCDS release: what was published about one contracting process ({@code ocid}) at one moment. Required by the
 * standard: {@code ocid}, {@code id}, {@code date}, {@code tag}, {@code initiationType}. When publishing,
 * {@link org.baobab.opendata.OpenData#publish} fills in a missing {@code id} ({@code <ocid>-0001}…), a missing
 * {@code date} (the publication time) and a missing {@code initiationType} ({@code tender}, the only value in OCDS 1.1).
 * {@code tag} uses the releaseTag codelist ({@code planning}, {@code tender}, {@code tenderAmendment},
 * {@code tenderUpdate}, {@code tenderCancellation}, {@code award}…). Build it with {@link #builder()}.
 */
public record Release(
        String ocid,
        String id,
        Instant date,
        List<String> tag,
        String initiationType,
        String language,
        List<Party> parties,
        OrganizationReference buyer,
        Planning planning,
        Tender tender,
        List<Award> awards,
        Bids bids) {

    public Release {
        tag = Ocds.list(tag);
        parties = Ocds.list(parties);
        awards = Ocds.list(awards);
    }

    /** A release without awards nor bids (the constructor before they were adopted). */
    public Release(
            String ocid,
            String id,
            Instant date,
            List<String> tag,
            String initiationType,
            String language,
            List<Party> parties,
            OrganizationReference buyer,
            Planning planning,
            Tender tender) {
        this(ocid, id, date, tag, initiationType, language, parties, buyer, planning, tender, List.of(), null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this release's values, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder()
                .ocid(ocid)
                .id(id)
                .date(date)
                .tag(tag)
                .initiationType(initiationType)
                .language(language)
                .parties(parties)
                .buyer(buyer)
                .planning(planning)
                .tender(tender)
                .awards(awards)
                .bids(bids);
    }

    /** This release with another {@code id}. */
    public Release withId(String id) {
        return toBuilder().id(id).build();
    }

    /** Builds a release field by field; fields not set stay empty. */
    public static final class Builder {

        private String ocid;
        private String id;
        private Instant date;
        private List<String> tag = List.of();
        private String initiationType;
        private String language;
        private List<Party> parties = List.of();
        private OrganizationReference buyer;
        private Planning planning;
        private Tender tender;
        private List<Award> awards = List.of();
        private Bids bids;

        private Builder() {}

        public Builder ocid(String ocid) {
            this.ocid = ocid;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder date(Instant date) {
            this.date = date;
            return this;
        }

        public Builder tag(List<String> tag) {
            this.tag = tag;
            return this;
        }

        public Builder tag(String... tag) {
            this.tag = List.of(tag);
            return this;
        }

        public Builder initiationType(String initiationType) {
            this.initiationType = initiationType;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder parties(List<Party> parties) {
            this.parties = parties;
            return this;
        }

        public Builder parties(Party... parties) {
            this.parties = List.of(parties);
            return this;
        }

        public Builder buyer(OrganizationReference buyer) {
            this.buyer = buyer;
            return this;
        }

        public Builder planning(Planning planning) {
            this.planning = planning;
            return this;
        }

        public Builder tender(Tender tender) {
            this.tender = tender;
            return this;
        }

        public Builder awards(List<Award> awards) {
            this.awards = awards;
            return this;
        }

        public Builder bids(Bids bids) {
            this.bids = bids;
            return this;
        }

        public Release build() {
            return new Release(
                    ocid, id, date, tag, initiationType, language, parties, buyer, planning, tender, awards, bids);
        }
    }
}
