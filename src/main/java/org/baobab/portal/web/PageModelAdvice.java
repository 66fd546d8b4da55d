// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.baobab.portal.SupportedLanguages;
import org.baobab.shared.database.DemoMode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the text direction, the current path (for the language switcher), demo mode. */
@ControllerAdvice
class PageModelAdvice {

    private final DemoMode demoMode;

    PageModelAdvice(DemoMode demoMode) {
        this.demoMode = demoMode;
    }

    @ModelAttribute("textDirection")
    String textDirection(Locale locale) {
        return SupportedLanguages.rightToLeft(locale) ? "rtl" : "ltr";
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demoMode.enabled();
    }
}
