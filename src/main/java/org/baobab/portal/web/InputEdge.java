// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.baobab.portal.SupportedLanguages;
import org.baobab.shared.BaobabException;
import org.baobab.shared.SharedErrorCode;
import org.baobab.shared.TextInput;
import org.baobab.shared.database.DemoMode;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The edge where every text from outside is checked once, whatever the endpoint: Spring Security's strict firewall
 * (path tricks such as {@code ../}, {@code %2e%2e}, encoded slashes, control characters in the path or headers) runs
 * before anything else, and here it also reads every query parameter and form field eagerly against
 * {@link TextInput#acceptable(String)}, and the decoded path (path variables) too; JSON bodies get the same rule through Jackson. A refused request gets the usual
 * translated 400 ({@link SharedErrorCode#UNACCEPTABLE_CHARACTERS}): a page in the site's layout, or an RFC 9457
 * problem under {@code /api/}. No controller runs, so nothing is changed.
 */
@Configuration(proxyBeanMethods = false)
class InputEdge {

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall strict = new StrictHttpFirewall();
        strict.setAllowedParameterNames(TextInput::acceptable);
        strict.setAllowedParameterValues(TextInput::acceptable);
        return new HttpFirewall() {
            @Override
            public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
                FirewalledRequest checked = strict.getFirewalledRequest(request);
                // the path as the controllers will read it (path variables), decoded
                String path;
                try {
                    path = UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new RequestRejectedException("The request was rejected because its path is not decodable.");
                }
                if (!TextInput.acceptable(path)) {
                    throw new RequestRejectedException(
                            "The request was rejected because its path contains an unacceptable character.");
                }
                // every parameter now, not when (and if) some code happens to read it
                checked.getParameterMap();
                return checked;
            }

            @Override
            public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
                return strict.getFirewalledResponse(response);
            }
        };
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
            LocaleResolver localeResolver,
            ViewResolver viewResolver,
            DemoMode demoMode) {
        return new Rejection(resolver, localeResolver, viewResolver, demoMode);
    }

    /**
     * The error page is for the container's error dispatch only: asked for directly, it has no error to show and would
     * answer 500, so it answers 404 (the usual translated page, through that same error dispatch).
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> errorPageNotDirectly() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws IOException, ServletException {
                        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
                            response.sendError(HttpServletResponse.SC_NOT_FOUND);
                        } else {
                            chain.doFilter(request, response);
                        }
                    }
                });
        registration.addUrlPatterns("/error", "/error/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** JSON strings follow the same rule as parameters. */
    @Bean
    JacksonModule textInputModule() {
        return new SimpleModule("baobab-text-input").addDeserializer(String.class, new CheckedStrings());
    }

    static final class CheckedStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            if (text != null && !TextInput.acceptable(text)) {
                throw new BaobabException(SharedErrorCode.UNACCEPTABLE_CHARACTERS);
            }
            return text;
        }
    }

    /**
     * Answers a refused request as the application answers any other error (ErrorHandling), outside the dispatcher:
     * the request is refused before it.
     */
    private record Rejection(
            HandlerExceptionResolver resolver,
            LocaleResolver localeResolver,
            ViewResolver viewResolver,
            DemoMode demoMode)
            implements RequestRejectedHandler {

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
                throws IOException, ServletException {
            request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, localeResolver);
            Locale locale = localeResolver.resolveLocale(request);
            ModelAndView page = resolver.resolveException(
                    request, response, null, new BaobabException(SharedErrorCode.UNACCEPTABLE_CHARACTERS));
            if (page == null || page.isEmpty() || page.getViewName() == null) {
                return;
            }
            if (page.getStatus() != null) {
                response.setStatus(page.getStatus().value());
            }
            Map<String, Object> model = page.getModel();
            model.put("textDirection", SupportedLanguages.rightToLeft(locale) ? "rtl" : "ltr");
            model.put("currentPath", "/");
            model.put("demoMode", demoMode.enabled());
            try {
                View view = viewResolver.resolveViewName(page.getViewName(), locale);
                if (view == null) {
                    response.sendError(400);
                    return;
                }
                view.render(model, request, response);
            } catch (IOException | ServletException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ServletException(e);
            }
        }
    }
}
