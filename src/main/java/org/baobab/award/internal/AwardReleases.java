// SPDX-License-Identifier: Apache-2.0
package org.baobab.award.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baobab.award.Recommendation;
import org.baobab.award.Recommendation.BidderResult;
import org.baobab.award.Recommendation.LotResult;
import org.baobab.opendata.OpenData;
import org.baobab.opendata.ocds.Award;
import org.baobab.opendata.ocds.BidDetail;
import org.baobab.opendata.ocds.BidStatistic;
import org.baobab.opendata.ocds.Bids;
import org.baobab.opendata.ocds.OrganizationReference;
import org.baobab.opendata.ocds.Party;
import org.baobab.opendata.ocds.Release;
import org.baobab.opendata.ocds.Value;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.ProcessView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The OCDS releases of the award, published in the transaction of the step: {@code award} when the provisional award
 * is published (awards {@code pending}, unsuccessful lots {@code unsuccessful}), {@code awardUpdate} when it becomes
 * final ({@code active}) or the procedure is cancelled ({@code cancelled}). Each carries the whole public state of the
 * process: the latest release (the tender) with the awards, the bids (who bid, the amounts read at the public opening,
 * valid or disqualified, the counts per lot) and each bidder among the parties ({@code tenderer}, and {@code supplier}
 * for a winner). Never a bidder's reasons, scores or corrected prices.
 */
@Component
public class AwardReleases {

    private final OpenData openData;
    private final Clock clock;

    AwardReleases(OpenData openData, Clock clock) {
        this.openData = openData;
        this.clock = clock;
    }

    public void publish(ProcessView process, Recommendation r, Instant awardDate, String tag, String status) {
        openData.publish(release(process, r, awardDate, tag, status));
    }

    Release release(ProcessView process, Recommendation r, Instant awardDate, String tag, String status) {
        Release base = openData.latest(process.ocid())
                .orElseGet(() -> Release.builder()
                        .ocid(process.ocid())
                        .buyer(new OrganizationReference(process.authorityId().toString(), process.authorityName()))
                        .build());
        String currency = process.notice().currency();
        Set<String> winners = new LinkedHashSet<>();
        List<Award> awards = new ArrayList<>();
        for (LotResult l : r.lots()) {
            boolean unsuccessful = l.winnerId() == null;
            if (!unsuccessful) {
                winners.add(l.winnerId().toString());
            }
            awards.add(new Award(
                    "award-" + (l.lot().isEmpty() ? "1" : l.lot()),
                    lotTitle(process.notice(), l.lot()),
                    null,
                    unsuccessful && !"cancelled".equals(status) ? "unsuccessful" : status,
                    awardDate,
                    l.amount() == null ? null : new Value(l.amount(), l.currency()),
                    unsuccessful
                            ? List.of()
                            : List.of(new OrganizationReference(l.winnerId().toString(), l.winnerName())),
                    l.lot().isEmpty() ? List.of() : List.of(l.lot())));
        }
        Map<String, Party> parties = new LinkedHashMap<>();
        base.parties().forEach(p -> parties.put(p.id(), p));
        List<BidDetail> details = new ArrayList<>();
        for (int i = 0; i < r.bidders().size(); i++) {
            BidderResult b = r.bidders().get(i);
            String id = b.companyId().toString();
            Set<String> roles = new LinkedHashSet<>();
            Party known = parties.get(id);
            if (known != null) {
                roles.addAll(known.roles());
            }
            roles.add("tenderer");
            if (winners.contains(id)) {
                roles.add("supplier");
            }
            parties.put(id, new Party(id, b.companyName(), null, null, null, List.copyOf(roles)));
            details.add(new BidDetail(
                    "bid-" + (i + 1),
                    null,
                    valid(b) ? "valid" : "disqualified",
                    List.of(new OrganizationReference(id, b.companyName())),
                    b.readAmount() == null ? null : new Value(b.readAmount(), currency),
                    b.lots().stream().filter(x -> !x.isEmpty()).toList()));
        }
        List<BidStatistic> statistics = new ArrayList<>();
        for (LotResult l : r.lots()) {
            List<BidderResult> onLot = r.bidders().stream()
                    .filter(b -> l.lot().isEmpty() || b.lots().contains(l.lot()))
                    .toList();
            long valid = onLot.stream().filter(AwardReleases::valid).count();
            String suffix = l.lot().isEmpty() ? "" : "-lot-" + l.lot();
            String related = l.lot().isEmpty() ? null : l.lot();
            statistics.add(
                    new BidStatistic("bids" + suffix, "bids", awardDate, BigDecimal.valueOf(onLot.size()), related));
            statistics.add(
                    new BidStatistic("validBids" + suffix, "validBids", awardDate, BigDecimal.valueOf(valid), related));
        }
        return base.toBuilder()
                .id(null)
                .date(clock.instant())
                .tag(tag)
                .parties(List.copyOf(parties.values()))
                .awards(awards)
                .bids(new Bids(statistics, details))
                .build();
    }

    private static boolean valid(BidderResult b) {
        return "recommended".equals(b.outcome()) || "ranked".equals(b.outcome());
    }

    private static @Nullable String lotTitle(NoticeDraft notice, String lot) {
        if (lot.isEmpty()) {
            return notice.title();
        }
        return notice.lots().stream()
                .filter(l -> String.valueOf(l.number()).equals(lot))
                .map(NoticeDraft.Lot::title)
                .findFirst()
                .orElse(null);
    }
}
