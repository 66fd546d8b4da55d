// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.baobab.identity.CurrentUser;
import org.baobab.portal.SupportedLanguages;
import org.baobab.shared.database.DemoMode;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the text direction, the current path (for the language switcher), the reader's
 * country, demo mode.
 */
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

    /**
     * The country of the reader's organisation, or null for a visitor: the time zone and digits of the pages that
     * belong to no one country (the journal, the bids of a company, the transparency log).
     */
    @ModelAttribute("readerCountry")
    @Nullable
    String readerCountry() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return user.primaryMembership().map(CurrentUser.Membership::country).orElse(null);
        }
        return null;
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demoMode.enabled();
    }
}
