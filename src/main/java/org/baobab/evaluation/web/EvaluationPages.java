// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baobab.documents.PdfAttachment;
import org.baobab.documents.PdfRenderer;
import org.baobab.evaluation.Evaluation;
import org.baobab.evaluation.EvaluationErrorCode;
import org.baobab.evaluation.EvaluationReports;
import org.baobab.evaluation.Evaluations;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the evaluation pages and the report's PDF show, for one who takes part in the evaluation. */
@Component
class EvaluationPages {

    private final Evaluations evaluations;
    private final EvaluationReports reports;
    private final Notices notices;
    private final PdfRenderer pdfs;
    private final MessageSource messages;

    EvaluationPages(
            Evaluations evaluations,
            EvaluationReports reports,
            Notices notices,
            PdfRenderer pdfs,
            MessageSource messages) {
        this.evaluations = evaluations;
        this.reports = reports;
        this.notices = notices;
        this.pdfs = pdfs;
        this.messages = messages;
    }

    void fill(CurrentUser user, String ocid, Model model) {
        ProcessView process = process(user, ocid);
        model.addAttribute("ocid", ocid);
        model.addAttribute("process", process);
        model.addAttribute("prm", evaluations.isPrm(user, ocid));
        model.addAttribute("ready", evaluations.ready(ocid));
        Optional<Evaluation> found = evaluations.evaluation(ocid);
        model.addAttribute("evaluation", found.orElse(null));
        if (found.isEmpty()) {
            return;
        }
        Evaluation e = found.get();
        Evaluation.Member me = e.member(user.id());
        model.addAttribute("me", me);
        model.addAttribute("mine", e.marksOf(user.id()));
        boolean seesBids = me != null && me.mayEvaluate();
        model.addAttribute("seesBids", seesBids);
        if (seesBids) {
            model.addAttribute("opened", evaluations.opened(user, ocid));
            model.addAttribute("pieces", evaluations.openedPieces(user, ocid));
        }
        boolean seesOthers = seesBids && me.submitted();
        model.addAttribute("seesOthers", seesOthers);
        if (seesOthers) {
            Map<String, List<Evaluation.Mark>> byBidAndCriterion = new LinkedHashMap<>();
            for (Evaluation.Mark m : e.marks()) {
                byBidAndCriterion
                        .computeIfAbsent(m.companyId() + "|" + m.code(), k -> new java.util.ArrayList<>())
                        .add(m);
            }
            model.addAttribute("marksByCell", byBidAndCriterion);
            Map<String, String> names = new LinkedHashMap<>();
            e.members().forEach(m -> names.put(m.userId().toString(), m.name()));
            model.addAttribute("memberNames", names);
        }
        if (seesBids && e.stage().pastTechnical()) {
            model.addAttribute("result", evaluations.result(ocid));
            model.addAttribute("margins", evaluations.margins(e.country()));
        }
        reports.report(ocid).ifPresent(r -> model.addAttribute("report", r));
    }

    void fillReport(CurrentUser user, String ocid, Model model, Locale locale) {
        ProcessView process = process(user, ocid);
        EvaluationReports.Report report =
                reports.report(ocid).orElseThrow(() -> new BaobabException(EvaluationErrorCode.NOT_STARTED));
        Evaluation e = evaluations.evaluation(ocid).orElseThrow();
        model.addAllAttributes(reportModel(process, e, report, locale));
    }

    byte[] pdf(CurrentUser user, String ocid, Locale locale) {
        ProcessView process = process(user, ocid);
        EvaluationReports.Report report =
                reports.report(ocid).orElseThrow(() -> new BaobabException(EvaluationErrorCode.NOT_STARTED));
        Evaluation e = evaluations.evaluation(ocid).orElseThrow();
        String title = messages.getMessage("evaluation.report.title", null, locale) + " — " + ocid;
        PdfAttachment data = new PdfAttachment(
                "evaluation-result.json",
                "application/json",
                "The evaluation result as generated",
                "Data",
                reports.reportJson(ocid).getBytes(StandardCharsets.UTF_8));
        return pdfs.render(
                "pdf/evaluation/report", reportModel(process, e, report, locale), locale, title, List.of(data));
    }

    private Map<String, Object> reportModel(
            ProcessView process, Evaluation e, EvaluationReports.Report report, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        Map<String, String> marginNames = new LinkedHashMap<>();
        evaluations
                .margins(e.country())
                .forEach(m -> marginNames.put(
                        m.code(),
                        messages.getMessage(
                                "evaluation.margin.option",
                                new Object[] {m.name().in(locale), m.ratePercent()},
                                locale)));
        model.put("marginNames", marginNames);
        model.put("ocid", e.ocid());
        model.put("process", process);
        model.put("evaluation", e);
        model.put("report", report);
        model.put("result", report.result());
        return model;
    }

    private ProcessView process(CurrentUser user, String ocid) {
        if (!evaluations.takesPart(user, ocid)) {
            throw new BaobabException(EvaluationErrorCode.NO_SUCH_PROCESS, ocid);
        }
        return notices.notice(ocid).orElseThrow();
    }
}
