// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import org.baobab.tendering.NoticeSearch;
import org.baobab.tendering.Notices;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page: a notice search, the latest open notices, and the ways in for each kind of visitor. */
@Controller
class HomeController {

    static final int LATEST = 5;

    private final Notices notices;

    HomeController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/")
    String home(Model model) {
        NoticeSearch latestOpen = new NoticeSearch(
                null, null, null, null, null, "open", null, null, null, null, NoticeSearch.Sort.PUBLISHED, 0, LATEST);
        model.addAttribute("latest", notices.search(latestOpen));
        model.addAttribute("now", notices.now());
        return "portal/home";
    }
}
