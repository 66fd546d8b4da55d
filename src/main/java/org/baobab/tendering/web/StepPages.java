// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.BuyerCategory;
import org.baobab.rules.Nature;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.rules.ThresholdPurpose;
import org.baobab.rules.TimeLimit;
import org.baobab.shared.Role;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.ProcessStatus;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.internal.NoticeChecks;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a page of the notice editor shows: the step's fields, the steps with those completed, and the rule pack's
 * rules where they apply (the procedure and prior-review thresholds on the first step, the minimum bid period on the
 * dates, the checks and prior review on the review).
 */
@Component
class StepPages {

    private final Tendering tendering;
    private final RulePacks packs;
    private final Clock clock;

    StepPages(Tendering tendering, RulePacks packs, Clock clock) {
        this.tendering = tendering;
        this.packs = packs;
        this.clock = clock;
    }

    /** Checks the step's fields of the form; every error goes on its field. */
    void check(
            NoticeStep step,
            NoticeForm form,
            RulePack pack,
            boolean outsidePlan,
            org.springframework.validation.Errors errors) {
        StepChecks.check(step, form, pack, outsidePlan, packs.today(pack.country()), clock.instant(), errors);
    }

    String render(
            Model model,
            NoticeStep step,
            CurrentUser.Membership membership,
            RulePack pack,
            NoticeForm form,
            @Nullable ProcessView process,
            Set<String> completed) {
        model.addAttribute("form", form);
        model.addAttribute("process", process);
        model.addAttribute("authority", membership);
        model.addAttribute("pack", pack);
        model.addAttribute("step", step);
        model.addAttribute("steps", NoticeStep.values());
        model.addAttribute("completed", completed);
        model.addAttribute("editable", process == null || process.status() == ProcessStatus.DRAFT);
        model.addAttribute("isPrm", membership.role() == Role.PRM);
        switch (step) {
            case WHAT -> what(model, pack, form);
            case LOTS -> {}
            case DATES -> dates(model, pack, form);
            default -> {
                if (process != null) {
                    model.addAttribute("checks", tendering.checks(process.id()));
                    model.addAttribute("documentTypes", Tendering.DOCUMENT_TYPES);
                }
            }
        }
        return "tendering/step-" + step.getSlug();
    }

    private void what(Model model, RulePack pack, NoticeForm form) {
        model.addAttribute("natures", Nature.values());
        model.addAttribute("languages", NoticeDraft.LANGUAGES);
        model.addAttribute(
                "scopes",
                pack.thresholds().stream()
                        .map(t -> t.scope())
                        .filter(s -> s != null)
                        .distinct()
                        .sorted()
                        .toList());
        String category = form.getBuyerCategory().isBlank() ? BuyerCategory.ALL : form.getBuyerCategory();
        model.addAttribute(
                "procedureBands",
                pack.thresholds(ThresholdPurpose.PROCEDURE, category, form.getNature(), form.getScope()));
        model.addAttribute(
                "reviewBands",
                pack.thresholds(ThresholdPurpose.PRIOR_REVIEW, category, form.getNature(), form.getScope()));
    }

    private void dates(Model model, RulePack pack, NoticeForm form) {
        model.addAttribute("awardCriteria", NoticeDraft.AWARD_CRITERIA);
        String code = form.isInternational()
                ? NoticeChecks.MIN_BID_PERIOD_INTERNATIONAL
                : NoticeChecks.MIN_BID_PERIOD_NATIONAL;
        TimeLimit limit = pack.timeLimit(code).orElse(null);
        model.addAttribute("bidPeriod", limit);
        if (limit != null) {
            LocalDate today = packs.today(pack.country());
            model.addAttribute("bidPeriodEarliest", pack.lastDay(limit, today));
        }
    }
}
