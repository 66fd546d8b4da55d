// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.baobab.documents.Documents;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Nature;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.web.FormErrors;
import org.baobab.tendering.Incidents;
import org.baobab.tendering.NoticeSearch;
import org.baobab.tendering.NoticeSection;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessStatus;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public notices: search and browse without an account ({@code /notices}), one notice with its lots, documents,
 * clarifications, addenda and timeline ({@code /notices/{ocid}}), its documents, and the question form for signed-in
 * suppliers.
 */
@Controller
class PublicNoticesController {

    static final int PAGE_SIZE = 20;

    /** The longest words a search takes from the page (its field's {@code maxlength}). */
    static final int MAX_QUERY = 200;

    private final Notices notices;
    private final Tendering tendering;
    private final Incidents incidents;
    private final Documents documents;
    private final RulePacks packs;
    private final MessageSource messages;
    private final ObjectProvider<NoticeSection> sections;
    private final FormErrors forms;

    PublicNoticesController(
            Notices notices,
            Tendering tendering,
            Incidents incidents,
            Documents documents,
            RulePacks packs,
            MessageSource messages,
            ObjectProvider<NoticeSection> sections,
            FormErrors forms) {
        this.forms = forms;
        this.notices = notices;
        this.incidents = incidents;
        this.tendering = tendering;
        this.documents = documents;
        this.packs = packs;
        this.messages = messages;
        this.sections = sections;
    }

    /**
     * The search page. A filter that does not read (a minimum that is not a number, a date that does not exist, an
     * unknown order, words longer than the field takes) is left out: the list shows with the other filters, and the
     * page, answered 400, says what was wrong next to that filter.
     */
    @GetMapping("/notices")
    String search(
            @ModelAttribute("filters") SearchParameters parameters,
            BindingResult binding,
            Model model,
            Locale locale,
            HttpServletResponse response,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept)
            throws BindException {
        if (parameters.getQ() != null && parameters.getQ().length() > MAX_QUERY) {
            binding.rejectValue("q", "notices.filter.q.too-long", new Object[] {MAX_QUERY}, null);
            parameters.setQ(null);
        }
        if (binding.hasErrors() && asksForJsonOnly(accept)) {
            // a program that asked for JSON gets the problem (the portal's error handling), not the page
            throw new BindException(binding);
        }
        FilterErrors filterErrors = FilterErrors.of(binding, messages, locale);
        model.addAttribute("filterErrors", filterErrors);
        // the filters beyond the words fold away unless one is in use (or wrong)
        model.addAttribute("moreFilters", filterErrors.any() || parameters.narrowsBeyondWords());
        if (binding.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        NoticeSearch search = parameters.toSearch(PAGE_SIZE);
        model.addAttribute("search", search);
        model.addAttribute("result", notices.search(search));
        model.addAttribute("now", notices.now());
        model.addAttribute("packs", packs.all());
        model.addAttribute("authorities", notices.authorities());
        model.addAttribute("natures", Nature.values());
        model.addAttribute("sorts", NoticeSearch.Sort.values());
        model.addAttribute(
                "procedures",
                // one option per procedure code, named by the chosen country's pack first (the names are shown)
                packs.all().stream()
                        .sorted(java.util.Comparator.comparing(
                                p -> !p.country().value().equals(search.country())))
                        .flatMap(p -> p.procedures().stream())
                        .collect(java.util.stream.Collectors.toMap(
                                p -> p.code(), p -> p, (first, other) -> first, java.util.TreeMap::new))
                        .values()
                        .stream()
                        .toList());
        return "tendering/notices";
    }

    @GetMapping("/notices/{ocid}")
    String notice(@PathVariable String ocid, @AuthenticationPrincipal @Nullable CurrentUser user, Model model) {
        ProcessView notice =
                notices.notice(ocid).orElseThrow(() -> new BaobabException(TenderingErrorCode.UNKNOWN_PROCESS, ocid));
        model.addAttribute("notice", notice);
        model.addAttribute("now", notices.now());
        boolean open = notice.openForBids(notices.now());
        boolean questionsOpen = notice.status() == ProcessStatus.PUBLISHED
                && (notice.notice().dates().clarificationDeadline() == null
                        || notice.notice().dates().clarificationDeadline().isAfter(notices.now()));
        boolean supplier =
                user != null && user.memberships().stream().anyMatch(m -> m.kind() == OrganisationKind.SUPPLIER);
        model.addAttribute("open", open);
        model.addAttribute("questionsOpen", questionsOpen);
        model.addAttribute("canAsk", questionsOpen && supplier);
        model.addAttribute("supplier", supplier);
        model.addAttribute("signedIn", user != null);
        model.addAttribute("following", user != null && notices.follows(user.id(), ocid));
        model.addAttribute("incidents", incidents.affecting(ocid));
        if (!model.containsAttribute("ask")) {
            model.addAttribute("ask", new AskForm(""));
        }
        model.addAttribute(
                "sections",
                sections.orderedStream()
                        .map(s -> s.forNotice(notice))
                        .flatMap(java.util.Optional::stream)
                        .toList());
        model.addAttribute(
                "pack",
                packs.find(new org.baobab.shared.CountryCode(notice.country())).orElse(null));
        return "tendering/notice";
    }

    /** A tender document of a published notice, for anyone (the documents module itself serves signed-in users). */
    @GetMapping("/notices/{ocid}/documents/{sha256}")
    ResponseEntity<Resource> document(@PathVariable String ocid, @PathVariable String sha256) {
        ProcessView notice =
                notices.notice(ocid).orElseThrow(() -> new BaobabException(TenderingErrorCode.UNKNOWN_PROCESS, ocid));
        ProcessView.TenderDocument document = notice.documents().stream()
                .filter(d -> d.sha256().equals(sha256))
                .findFirst()
                .orElseThrow(() -> new BaobabException(TenderingErrorCode.UNKNOWN_DOCUMENT, sha256));
        InputStream content = documents.open(document.sha256());
        HttpHeaders headers = new HttpHeaders();
        headers.setETag("\"" + document.sha256() + "\"");
        headers.setCacheControl("public, max-age=31536000, immutable");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(document.fileName(), StandardCharsets.UTF_8)
                .build());
        headers.setContentType(MediaType.parseMediaType(document.contentType()));
        headers.setContentLength(document.size());
        return ResponseEntity.ok().headers(headers).body(new InputStreamResource(content));
    }

    /** A supplier's request for clarification. */
    public record AskForm(String question) {
        public AskForm {
            question = question == null ? "" : question;
        }
    }

    /** Asks a question; a refusal shows the notice again with the error beside the question. */
    @PostMapping("/notices/{ocid}/questions")
    String ask(
            @PathVariable String ocid,
            @ModelAttribute("ask") AskForm form,
            BindingResult errors,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return forms.on(errors)
                .namingField(TenderingErrorCode.REQUIRED)
                .field(TenderingErrorCode.TOO_LONG, "question")
                .run(
                        () -> tendering.ask(user, ocid, form.question()),
                        () -> forms.redirect(redirect, "/notices/" + ocid + "#questions", "notice.question.sent"),
                        () -> {
                            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                            return notice(ocid, user, model);
                        });
    }

    @PostMapping("/notices/{ocid}/follow")
    String follow(
            @PathVariable String ocid,
            @RequestParam(defaultValue = "true") boolean follow,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            if (follow) {
                tendering.follow(user, ocid);
            } else {
                tendering.unfollow(user, ocid);
            }
            redirect.addFlashAttribute(
                    "message", messages.getMessage(follow ? "notice.followed" : "notice.unfollowed", null, locale));
        } catch (BaobabException e) {
            redirect.addFlashAttribute(
                    "error", messages.getMessage(e.errorCode().messageKey(), e.arguments(), locale));
        }
        return "redirect:/notices/" + ocid;
    }

    private static boolean asksForJsonOnly(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(t -> !t.isWildcardType() && t.isCompatibleWith(MediaType.APPLICATION_JSON))
                    && types.stream().noneMatch(t -> !t.isWildcardType() && t.isCompatibleWith(MediaType.TEXT_HTML));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static List<String> statuses() {
        return Arrays.asList("open", "closed", "cancelled");
    }
}
