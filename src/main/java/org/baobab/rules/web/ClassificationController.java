// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baobab.rules.Cpv;
import org.baobab.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The CPV classification, public: search it in French or English, browse it from the divisions down, and read it as
 * JSON. Buyers and suppliers come here to find the code of what they buy or sell; the forms that ask for codes link
 * here.
 */
@Controller
class ClassificationController {

    static final int PAGE = 50;

    private final Cpv cpv;

    ClassificationController(Cpv cpv) {
        this.cpv = cpv;
    }

    @GetMapping("/classification")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        String query = q.length() > 200 ? q.substring(0, 200) : q;
        model.addAttribute("q", query);
        model.addAttribute("browsing", query.isBlank());
        model.addAttribute("more", false);
        if (query.isBlank()) {
            model.addAttribute("codes", cpv.divisions());
        } else {
            List<Cpv.Code> found = cpv.search(query, PAGE + 1);
            model.addAttribute("codes", found.stream().limit(PAGE).toList());
            model.addAttribute("more", found.size() > PAGE);
        }
        return "rules/classification";
    }

    @GetMapping("/classification/{code}")
    String code(@PathVariable String code, Model model) {
        Cpv.Code found = cpv.find(code).orElseThrow(() -> new NotFoundException(code));
        model.addAttribute("code", found);
        model.addAttribute("path", cpv.path(found.code()));
        model.addAttribute("codes", cpv.children(found.code()));
        return "rules/classification-code";
    }

    /** Up to 50 codes matching the words or digits, broader first; for forms that suggest codes as one types. */
    @GetMapping(value = "/api/classification/cpv", produces = "application/json")
    @ResponseBody
    List<Map<String, String>> api(@RequestParam(defaultValue = "") String q, Locale locale) {
        String query = q.length() > 200 ? q.substring(0, 200) : q;
        return cpv.search(query, PAGE).stream()
                .map(c -> Map.of(
                        "scheme",
                        "CPV",
                        "id",
                        c.code(),
                        "description",
                        c.label(locale.getLanguage()),
                        "fr",
                        c.french(),
                        "en",
                        c.english()))
                .toList();
    }
}
