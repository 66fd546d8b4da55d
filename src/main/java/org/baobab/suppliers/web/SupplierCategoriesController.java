// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.web;

import java.util.List;
import java.util.Locale;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Cpv;
import org.baobab.shared.Role;
import org.baobab.shared.web.FormErrors;
import org.baobab.suppliers.SupplierCategories;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the company sells, in CPV: its admin searches the classification in French (or English) on the page itself
 * and adds or removes codes, one button each, without JavaScript; its other members read the list.
 */
@Controller
class SupplierCategoriesController {

    private static final int RESULTS = 30;

    private final SupplierCategories categories;
    private final Cpv cpv;
    private final MessageSource messages;
    private final FormErrors forms;

    SupplierCategoriesController(SupplierCategories categories, Cpv cpv, MessageSource messages, FormErrors forms) {
        this.categories = categories;
        this.cpv = cpv;
        this.messages = messages;
        this.forms = forms;
    }

    @GetMapping("/supplier/categories")
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q, Model model) {
        CurrentUser.Membership company = SupplierMembership.of(user);
        List<String> mine = categories.of(company.organisationId());
        String query = q.length() > 200 ? q.substring(0, 200) : q.strip();
        model.addAttribute("company", company);
        model.addAttribute("editable", company.role() == Role.SUPPLIER_ADMIN);
        model.addAttribute("mine", mine);
        model.addAttribute("q", query);
        model.addAttribute("found", query.isEmpty() ? List.of() : cpv.search(query, RESULTS));
        model.addAttribute("max", SupplierCategories.MAX);
        return "suppliers/categories";
    }

    @PostMapping("/supplier/categories")
    String add(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String q,
            Locale locale,
            RedirectAttributes redirect) {
        CurrentUser.Membership company = SupplierMembership.of(user);
        redirect.addAttribute("q", q);
        return forms.act(redirect, "/supplier/categories", () -> {
            categories.add(user, company.organisationId(), code);
            return forms.redirect(redirect, "/supplier/categories", "categories.added", code);
        });
    }

    @PostMapping("/supplier/categories/remove")
    String remove(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String code,
            Locale locale,
            RedirectAttributes redirect) {
        CurrentUser.Membership company = SupplierMembership.of(user);
        categories.remove(user, company.organisationId(), code);
        redirect.addFlashAttribute("message", messages.getMessage("categories.removed", new Object[] {code}, locale));
        return "redirect:/supplier/categories";
    }
}
