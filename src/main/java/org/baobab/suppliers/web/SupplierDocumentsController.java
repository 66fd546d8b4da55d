// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.shared.Role;
import org.baobab.shared.web.FormErrors;
import org.baobab.suppliers.SupplierDocument;
import org.baobab.suppliers.SupplierDocuments;
import org.baobab.suppliers.SuppliersErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A company's administrative documents, and their verification by buyers and the regulator. */
@Controller
class SupplierDocumentsController {

    private final SupplierDocuments documents;
    private final FormErrors forms;

    SupplierDocumentsController(SupplierDocuments documents, FormErrors forms) {
        this.documents = documents;
        this.forms = forms;
    }

    /** A row of the company's table: the kind asked for and its current document, if any. */
    record Row(
            String code,
            String name,
            @Nullable SupplierDocument document,
            SupplierDocument.@Nullable Validity validity) {}

    @GetMapping("/supplier/documents")
    String page(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        CurrentUser.Membership company = SupplierMembership.of(user);
        LocalDate today = documents.today(company.country());
        List<SupplierDocument> current = documents.current(company.organisationId());
        List<Row> rows = documents.kindsFor(company.country()).stream()
                .map(kind -> {
                    SupplierDocument d = current.stream()
                            .filter(c -> c.code().equals(kind.code()))
                            .findFirst()
                            .orElse(null);
                    return new Row(kind.code(), kind.name().in(locale), d, d == null ? null : d.validity(today));
                })
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("company", company);
        model.addAttribute("canUpload", company.role() != Role.SIGNATORY);
        model.addAttribute("today", today);
        return "suppliers/documents";
    }

    @PostMapping("/supplier/documents")
    String upload(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam String code,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate issuedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate expiresOn,
            RedirectAttributes redirect) {
        CurrentUser.Membership company = SupplierMembership.of(user);
        return forms.act(redirect, "/supplier/documents", "documents.uploaded", "documents", () -> {
            if (file == null || file.isEmpty()) {
                throw new BaobabException(SuppliersErrorCode.REQUIRED, "file");
            }
            try (InputStream in = file.getInputStream()) {
                documents.upload(
                        user,
                        company.organisationId(),
                        code,
                        in,
                        file.getOriginalFilename() == null ? "document" : file.getOriginalFilename(),
                        file.getContentType(),
                        issuedOn,
                        expiresOn);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @GetMapping("/verification/documents")
    String awaiting(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        List<SupplierDocument> awaiting = documents.awaiting(user);
        model.addAttribute("awaiting", awaiting);
        model.addAttribute(
                "names",
                awaiting.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                SupplierDocument::id,
                                d -> documents.kindName(d.country(), d.code(), locale),
                                (a, b) -> a)));
        return "suppliers/verification";
    }

    @PostMapping("/verification/documents/{id}")
    String decide(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam SupplierDocument.Verification decision,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return forms.act(
                redirect,
                "/verification/documents",
                "verification.done." + decision.name(),
                "documents",
                () -> documents.decide(user, id, decision, reason));
    }
}
