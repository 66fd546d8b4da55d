// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.web;

import org.baobab.opening.OpeningMinutes;
import org.baobab.opening.OpeningSessions;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The public page of a notice's opening ({@code /notices/{ocid}/opening}): the committee's presence and quorum, each
 * bid as it is read, the envelopes not opened and why. It works by reloading; with JavaScript it follows the
 * server-sent events of {@code /notices/{ocid}/opening/events} and refreshes itself.
 */
@Controller
class PublicOpeningController {

    private final OpeningSessions sessions;
    private final Notices notices;
    private final OpeningLive live;
    private final OpeningMinutes minutes;

    PublicOpeningController(OpeningSessions sessions, Notices notices, OpeningLive live, OpeningMinutes minutes) {
        this.minutes = minutes;
        this.sessions = sessions;
        this.notices = notices;
        this.live = live;
    }

    @GetMapping("/notices/{ocid}/opening")
    String page(@PathVariable String ocid, Model model) {
        ProcessView process = notices.notice(ocid).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("process", process);
        try {
            model.addAttribute("sessions", sessions.sessions(ocid));
            model.addAttribute(
                    "published",
                    minutes.published(ocid).stream()
                            .collect(java.util.stream.Collectors.toMap(
                                    m -> m.session().id(), m -> m)));
        } catch (BaobabException e) {
            model.addAttribute("sessions", java.util.List.of());
            model.addAttribute("published", java.util.Map.of());
        }
        return "opening/public";
    }

    @GetMapping("/notices/{ocid}/opening/minutes/{id}.pdf")
    org.springframework.http.ResponseEntity<byte[]> pdf(
            @PathVariable String ocid, @PathVariable java.util.UUID id, java.util.Locale locale) {
        minutes.publishedSession(ocid, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"pv-ouverture-" + ocid + ".pdf\"")
                .body(minutes.pdf(id, locale));
    }

    @GetMapping(path = "/notices/{ocid}/opening/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@PathVariable String ocid) {
        notices.notice(ocid).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return live.watch(ocid);
    }
}
