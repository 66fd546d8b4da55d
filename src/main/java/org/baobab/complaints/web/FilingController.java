// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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
import org.baobab.shared.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The bidder's structured complaint form: the act contested, up to three objections, the remedy asked and the
 * evidence, uploaded into the document store. A refused filing shows every error beside its field and in the summary
 * (the form mechanism) and files nothing; the evidence is stored only once the form passes its checks (evidence
 * stored before a refusal of the service stays in the content-addressed store, unreferenced).
 */
@Controller
class FilingController {

    static final int OBJECTION_SLOTS = 3;

    private final Complaints complaints;
    private final Documents documents;
    private final FormErrors forms;

    FilingController(Complaints complaints, Documents documents, FormErrors forms) {
        this.complaints = complaints;
        this.documents = documents;
        this.forms = forms;
    }

    @InitBinder("filing")
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping("/complaints/new")
    String form(@RequestParam(defaultValue = "") String ocid, Model model) {
        if (!model.containsAttribute("filing")) {
            FilingForm filing = new FilingForm();
            filing.ocid = ocid;
            model.addAttribute("filing", filing);
        }
        model.addAttribute("kinds", ContestedKind.values());
        model.addAttribute("slots", OBJECTION_SLOTS);
        return "complaints/new";
    }

    @PostMapping("/complaints")
    String file(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("filing") FilingForm filing,
            BindingResult errors,
            @RequestParam(name = "evidence", required = false) @Nullable List<MultipartFile> evidence,
            Model model) {
        List<Objection> objections = new ArrayList<>();
        for (int i = 0; i < Math.max(filing.objectionTitle.size(), filing.objectionText.size()); i++) {
            if (!filing.title(i).isBlank() || !filing.text(i).isBlank()) {
                objections.add(new Objection(filing.title(i), filing.text(i)));
            }
        }
        if (objections.isEmpty()) {
            errors.rejectValue("objectionTitle", ComplaintsErrorCode.INCOMPLETE.messageKey() + ".field");
        }
        return forms.on(errors)
                .field(ComplaintsErrorCode.NO_SUCH_PROCESS, "ocid")
                .field(ComplaintsErrorCode.BAD_ACT_DATE, "contestedOn")
                .field(ComplaintsErrorCode.INCOMPLETE, "objectionTitle")
                .submit(
                        () -> {
                            Membership company = user.memberships().stream()
                                    .filter(m -> m.kind() == OrganisationKind.SUPPLIER)
                                    .filter(m -> m.role() == Role.SUPPLIER_ADMIN || m.role() == Role.SIGNATORY)
                                    .findFirst()
                                    .orElseThrow(() -> new BaobabException(ComplaintsErrorCode.NOT_COMPLAINANT));
                            List<String> shas = store(user, company, evidence);
                            return complaints.file(
                                    user,
                                    company.organisationId(),
                                    new Complaints.Filing(
                                            filing.ocid.strip(),
                                            filing.contested,
                                            filing.contestedText,
                                            filing.contestedOn,
                                            objections,
                                            filing.remedy,
                                            shas));
                        },
                        id -> "redirect:/complaints/" + id,
                        () -> form(filing.ocid, model));
    }

    /** Stores the evidence uploaded, answering the SHA-256 of each file. */
    private List<String> store(CurrentUser user, Membership company, @Nullable List<MultipartFile> evidence) {
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
        return shas;
    }
}
