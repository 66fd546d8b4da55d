// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baobab.complaints.Complaint.ContestedKind;
import org.baobab.complaints.Complaint.Objection;
import org.baobab.complaints.Complaints;
import org.baobab.complaints.ComplaintsErrorCode;
import org.baobab.documents.Documents;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.CurrentUser.Membership;
import org.baobab.shared.BaobabException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The bidder's structured complaint form: the act contested, up to three objections, the remedy asked and the
 * evidence, uploaded into the document store. A refused filing shows its translated error and files nothing (evidence
 * already uploaded stays in the content-addressed store, unreferenced).
 */
@Controller
class FilingController {

    static final int OBJECTION_SLOTS = 3;

    private final Complaints complaints;
    private final Documents documents;
    private final MessageSource messages;

    FilingController(Complaints complaints, Documents documents, MessageSource messages) {
        this.complaints = complaints;
        this.documents = documents;
        this.messages = messages;
    }

    @GetMapping("/complaints/new")
    String form(@RequestParam(defaultValue = "") String ocid, Model model) {
        model.addAttribute("ocid", ocid);
        model.addAttribute("kinds", ContestedKind.values());
        model.addAttribute("slots", OBJECTION_SLOTS);
        return "complaints/new";
    }

    @PostMapping("/complaints")
    String file(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String ocid,
            @RequestParam(defaultValue = "NOTICE") String contested,
            @RequestParam(defaultValue = "") String contestedText,
            @RequestParam(defaultValue = "") String contestedOn,
            @RequestParam(name = "objectionTitle", required = false) @Nullable List<String> titles,
            @RequestParam(name = "objectionText", required = false) @Nullable List<String> texts,
            @RequestParam(defaultValue = "") String remedy,
            @RequestParam(name = "evidence", required = false) @Nullable List<MultipartFile> evidence,
            Locale locale,
            Model model) {
        try {
            Membership company = user.memberships().stream()
                    .filter(m -> m.kind() == OrganisationKind.SUPPLIER)
                    .filter(m -> m.role() == Role.SUPPLIER_ADMIN || m.role() == Role.SIGNATORY)
                    .findFirst()
                    .orElseThrow(() -> new BaobabException(ComplaintsErrorCode.NOT_COMPLAINANT));
            List<Objection> objections = new ArrayList<>();
            List<String> t = titles == null ? List.of() : titles;
            List<String> d = texts == null ? List.of() : texts;
            for (int i = 0; i < Math.min(t.size(), d.size()); i++) {
                if (!t.get(i).isBlank() || !d.get(i).isBlank()) {
                    objections.add(new Objection(t.get(i), d.get(i)));
                }
            }
            ContestedKind kind;
            LocalDate on = null;
            try {
                kind = ContestedKind.valueOf(contested);
                on = contestedOn.isBlank() ? null : LocalDate.parse(contestedOn);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new BaobabException(ComplaintsErrorCode.BAD_ACT_DATE);
            }
            List<String> shas = new ArrayList<>();
            for (MultipartFile file : evidence == null ? List.<MultipartFile>of() : evidence) {
                if (file.isEmpty()) {
                    continue;
                }
                try (InputStream in = file.getInputStream()) {
                    String name = file.getOriginalFilename() == null ? "evidence" : file.getOriginalFilename();
                    shas.add(documents
                            .store(
                                    in,
                                    name,
                                    file.getContentType(),
                                    user.email(),
                                    company.organisationId().toString())
                            .sha256());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            UUID id = complaints.file(
                    user,
                    company.organisationId(),
                    new Complaints.Filing(ocid.strip(), kind, contestedText, on, objections, remedy, shas));
            return "redirect:/complaints/" + id;
        } catch (BaobabException e) {
            model.addAttribute("error", messages.getMessage(e.errorCode().messageKey(), e.arguments(), locale));
            model.addAttribute("ocid", ocid);
            model.addAttribute("kinds", ContestedKind.values());
            model.addAttribute("slots", OBJECTION_SLOTS);
            model.addAttribute("contestedText", contestedText);
            model.addAttribute("remedy", remedy);
            return "complaints/new";
        }
    }
}
