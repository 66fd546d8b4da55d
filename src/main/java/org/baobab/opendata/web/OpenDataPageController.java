// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.web;

import org.baobab.opendata.internal.OpenDataProperties;
import org.baobab.opendata.internal.Packages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public page that explains what is published, under which licence and policy, and where. */
@Controller
class OpenDataPageController {

    private final OpenDataProperties properties;

    OpenDataPageController(OpenDataProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/open-data")
    String page(Model model) {
        model.addAttribute("prefix", properties.ocidPrefix());
        model.addAttribute("license", properties.license().toString());
        model.addAttribute("publisher", properties.publisher().name());
        model.addAttribute("extensions", Packages.EXTENSIONS);
        return "opendata/index";
    }
}
