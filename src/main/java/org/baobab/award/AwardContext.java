// SPDX-License-Identifier: Apache-2.0
package org.baobab.award;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.baobab.award.internal.AwardStore;
import org.baobab.award.internal.AwardStore.Row;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Deadline;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.rules.Threshold;
import org.baobab.rules.ThresholdPurpose;
import org.baobab.rules.TimeLimit;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.shared.Role;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessStatus;
import org.baobab.tendering.ProcessView;
import org.springframework.stereotype.Component;

/**
 * What the award's services share (not an API): the process, the award locked for a command, who may act, and what
 * the country's pack says of the prior review and the standstill.
 */
@Component
class AwardContext {

    private final AwardStore store;
    private final Notices notices;
    private final RulePacks packs;

    AwardContext(AwardStore store, Notices notices, RulePacks packs) {
        this.store = store;
        this.notices = notices;
        this.packs = packs;
    }

    AwardStore store() {
        return store;
    }

    ProcessView process(String ocid) {
        return notices.notice(ocid).orElseThrow(() -> new BaobabException(AwardErrorCode.NO_SUCH_PROCESS, ocid));
    }

    Row lock(String ocid) {
        return store.lock(ocid).orElseThrow(() -> new BaobabException(AwardErrorCode.NO_RECOMMENDATION));
    }

    static AwardStatus status(Row row) {
        return AwardStatus.valueOf(row.status());
    }

    static void requireOpen(ProcessView process) {
        if (process.status() == ProcessStatus.CANCELLED) {
            throw new BaobabException(AwardErrorCode.PROCESS_CANCELLED);
        }
    }

    static void requirePrm(CurrentUser actor, ProcessView process) {
        if (!actor.hasRoleIn(process.authorityId(), Role.PRM)) {
            throw new BaobabException(AwardErrorCode.NOT_PRM);
        }
    }

    /** The control body of the country the actor reviews for. */
    static UUID requireController(CurrentUser actor, String country) {
        return actor.controlBodyFor(country).orElseThrow(() -> new BaobabException(AwardErrorCode.NOT_CONTROLLER));
    }

    /** Whether the pack's prior review threshold requires the control body's approval for this award. */
    boolean reviewRequired(ProcessView process, Recommendation r) {
        BigDecimal total = AwardRules.total(r);
        if (total.signum() <= 0) {
            return false;
        }
        RulePack pack = packs.pack(new CountryCode(process.country()));
        return pack.threshold(
                        ThresholdPurpose.PRIOR_REVIEW,
                        process.notice().classification().buyerCategory(),
                        process.notice().classification().nature(),
                        process.notice().classification().scope(),
                        total)
                .filter(Threshold::enforceable)
                .isPresent();
    }

    /** The standstill counted from a provisional award published on {@code day} in the country. */
    Deadline standstill(String country, LocalDate day) {
        RulePack pack = packs.pack(new CountryCode(country));
        TimeLimit limit = pack.timeLimit(Awards.STANDSTILL)
                .orElseThrow(() -> new IllegalStateException("the " + country + " pack has no " + Awards.STANDSTILL));
        return pack.lastDay(limit, day);
    }

    LocalDate today(String country) {
        return packs.today(country);
    }
}
