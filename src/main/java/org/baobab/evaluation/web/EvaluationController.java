// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.baobab.evaluation.CommitteeDecisions;
import org.baobab.evaluation.Declarations;
import org.baobab.evaluation.Evaluation;
import org.baobab.evaluation.EvaluationErrorCode;
import org.baobab.evaluation.EvaluationReports;
import org.baobab.evaluation.EvaluationSetup;
import org.baobab.evaluation.EvaluationStart;
import org.baobab.evaluation.Evaluations;
import org.baobab.evaluation.FinancialExamination;
import org.baobab.evaluation.Marking;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.shared.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The committee's evaluation page ({@code /evaluation/{ocid}}) and the report ({@code /evaluation/{ocid}/report},
 * its PDF/A). Every form posts and comes back to the page (no JavaScript needed); errors come back translated, with
 * nothing changed. The service decides who may do what: the PRM starts and opens the financial envelopes, members
 * declare, mark, settle, price and approve.
 */
@Controller
class EvaluationController {

    private final Evaluations evaluations;
    private final EvaluationStart starts;
    private final Declarations declarations;
    private final Marking marking;
    private final CommitteeDecisions decisions;
    private final FinancialExamination financial;
    private final EvaluationReports reports;
    private final EvaluationPages pages;
    private final FormErrors forms;

    EvaluationController(
            Evaluations evaluations,
            EvaluationStart starts,
            Declarations declarations,
            Marking marking,
            CommitteeDecisions decisions,
            FinancialExamination financial,
            EvaluationReports reports,
            EvaluationPages pages,
            FormErrors forms) {
        this.evaluations = evaluations;
        this.starts = starts;
        this.declarations = declarations;
        this.marking = marking;
        this.decisions = decisions;
        this.financial = financial;
        this.reports = reports;
        this.pages = pages;
        this.forms = forms;
    }

    @GetMapping("/evaluation")
    String workList(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("work", evaluations.workList(user));
        return "evaluation/list";
    }

    @GetMapping("/evaluation/{ocid}")
    String page(@AuthenticationPrincipal CurrentUser user, @PathVariable String ocid, Model model) {
        pages.fill(user, ocid, model);
        return "evaluation/page";
    }

    @GetMapping("/evaluation/{ocid}/report")
    String report(@AuthenticationPrincipal CurrentUser user, @PathVariable String ocid, Model model, Locale locale) {
        pages.fillReport(user, ocid, model, locale);
        return "evaluation/report";
    }

    @GetMapping("/evaluation/{ocid}/report.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable String ocid, Locale locale) {
        byte[] pdf = pages.pdf(user, ocid, locale);
        return ResponseEntity.ok()
                .header("Content-Type", "application/pdf")
                .header("Content-Disposition", "inline; filename=\"rapport-evaluation-" + ocid + ".pdf\"")
                .body(pdf);
    }

    @PostMapping("/evaluation/{ocid}/start")
    String start(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect,
            Locale locale) {
        return act(ocid, redirect, locale, () -> {
            List<EvaluationSetup.TechnicalCriterion> technical = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                String label = form.getOrDefault("label" + i, "").strip();
                if (label.isEmpty()) {
                    continue;
                }
                boolean scored = "score".equals(form.get("kind" + i));
                technical.add(new EvaluationSetup.TechnicalCriterion(
                        label, scored, scored ? number(form.get("max" + i), EvaluationErrorCode.BAD_CRITERIA) : null));
            }
            BigDecimal weight = number(form.get("weight"), EvaluationErrorCode.BAD_CRITERIA);
            if (weight != null && weight.stripTrailingZeros().scale() > 0) {
                throw new BaobabException(EvaluationErrorCode.BAD_CRITERIA);
            }
            starts.start(
                    user,
                    ocid,
                    new EvaluationSetup(
                            technical,
                            weight == null ? null : weight.intValue(),
                            number(form.get("passMark"), EvaluationErrorCode.BAD_CRITERIA),
                            number(form.get("lowBid"), EvaluationErrorCode.BAD_CRITERIA)));
        });
    }

    @PostMapping("/evaluation/{ocid}/declaration")
    String declare(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            @RequestParam(required = false) @Nullable String conflict,
            RedirectAttributes redirect,
            Locale locale) {
        return act(ocid, redirect, locale, () -> {
            if (conflict == null || !List.of("none", "conflict").contains(conflict)) {
                throw new BaobabException(EvaluationErrorCode.NOT_DECLARED);
            }
            declarations.declare(user, ocid, conflict.equals("conflict"));
        });
    }

    @PostMapping("/evaluation/{ocid}/marks")
    String mark(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect,
            Locale locale) {
        return act(ocid, redirect, locale, () -> {
            UUID company = uuid(form.get("company"));
            Evaluation e = evaluations
                    .evaluation(ocid)
                    .orElseThrow(() -> new BaobabException(EvaluationErrorCode.NOT_STARTED));
            Map<String, Marking.MarkInput> marks = new LinkedHashMap<>();
            for (Evaluation.Criterion c : e.criteria()) {
                String value = form.getOrDefault("v_" + c.code(), "").strip();
                String comment = form.getOrDefault("c_" + c.code(), "");
                if (value.isEmpty()) {
                    continue;
                }
                marks.put(c.code(), input(c, value, comment));
            }
            marking.mark(user, ocid, company, marks);
        });
    }

    @PostMapping("/evaluation/{ocid}/submission")
    String submit(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            RedirectAttributes redirect,
            Locale locale) {
        return act(ocid, redirect, locale, () -> marking.submit(user, ocid));
    }

    @PostMapping("/evaluation/{ocid}/settlement")
    String settle(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect,
            Locale locale) {
        return act(ocid, redirect, locale, () -> {
            Evaluation e = evaluations
                    .evaluation(ocid)
                    .orElseThrow(() -> new BaobabException(EvaluationErrorCode.NOT_STARTED));
            String code = form.getOrDefault("code", "");
            Evaluation.Criterion c = e.criteria().stream()
                    .filter(x -> x.code().equals(code))
                    .findFirst()
                    .orElseThrow(() -> new BaobabException(EvaluationErrorCode.BAD_MARK, code));
            Marking.MarkInput in = input(c, form.getOrDefault("value", "").strip(), "");
            decisions.settle(
                    user,
                    ocid,
                    uuid(form.get("company")),
                    code,
                    in.passed(),
                    in.points(),
                    form.getOrDefault("reason", ""));
        });
    }

    @PostMapping("/evaluation/{ocid}/settlement/agreed")
    String settleAgreed(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            RedirectAttributes redirect,
            Locale locale) {
        return act(ocid, redirect, locale, () -> decisions.settleAgreed(user, ocid));
    }

    @PostMapping("/evaluation/{ocid}/technical/close")
    String closeTechnical(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            RedirectAttributes redirect,
            Locale locale) {
        return act(ocid, redirect, locale, () -> decisions.closeTechnical(user, ocid));
    }

    @PostMapping("/evaluation/{ocid}/financial-opening")
    String openFinancial(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            RedirectAttributes redirect,
            Locale locale) {
        return forms.act(redirect, "/evaluation/" + ocid, () -> {
            financial.openFinancial(user, ocid);
            return "redirect:/opening/" + ocid;
        });
    }

    @PostMapping("/evaluation/{ocid}/prices")
    String price(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect,
            Locale locale) {
        return act(
                ocid,
                redirect,
                locale,
                () -> financial.price(
                        user,
                        ocid,
                        uuid(form.get("company")),
                        form.getOrDefault("lot", ""),
                        new FinancialExamination.PriceInput(
                                number(form.get("corrected"), EvaluationErrorCode.BAD_PRICE),
                                form.getOrDefault("reason", ""),
                                form.get("margin"),
                                form.get("low"),
                                form.getOrDefault("lowReason", ""))));
    }

    @PostMapping("/evaluation/{ocid}/report")
    String generate(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            RedirectAttributes redirect,
            Locale locale) {
        return act(ocid, redirect, locale, () -> reports.generate(user, ocid));
    }

    @PostMapping("/evaluation/{ocid}/report/approval")
    String approve(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String ocid,
            RedirectAttributes redirect,
            Locale locale) {
        return act(ocid, redirect, locale, () -> reports.approve(user, ocid));
    }

    private String act(String ocid, RedirectAttributes redirect, Locale locale, Runnable action) {
        return forms.act(redirect, "/evaluation/" + ocid, () -> {
            action.run();
            return "redirect:/evaluation/" + ocid;
        });
    }

    private static Marking.MarkInput input(Evaluation.Criterion c, String value, String comment) {
        if (c.scored()) {
            BigDecimal points = number(value, EvaluationErrorCode.BAD_MARK, c.label());
            return new Marking.MarkInput(null, points, comment);
        }
        if (!List.of("pass", "fail").contains(value)) {
            throw new BaobabException(EvaluationErrorCode.BAD_MARK, c.label());
        }
        return new Marking.MarkInput(value.equals("pass"), null, comment);
    }

    private static @Nullable BigDecimal number(@Nullable String text, EvaluationErrorCode error, Object... args) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip()
                    .replace(" ", "")
                    .replace('\u00a0', ' ')
                    .replace(" ", "")
                    .replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new BaobabException(error, args);
        }
    }

    private static UUID uuid(@Nullable String text) {
        try {
            return UUID.fromString(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new BaobabException(EvaluationErrorCode.NO_SUCH_BIDDER);
        }
    }
}
