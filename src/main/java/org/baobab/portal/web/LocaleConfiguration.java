// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import org.baobab.portal.SupportedLanguages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages: every module keeps its texts in its own bundle {@code i18n/<module>.properties} (French, the default),
 * {@code _en} and {@code _ar}; all are found at start-up. The chosen language comes from {@code ?lang=fr|en|ar} on any
 * page and is remembered in a cookie; without a choice, the browser's preferred language if Baobab speaks it, else
 * French.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final String BUNDLES = "classpath*:i18n/*.properties";

    @Bean
    MessageSource messageSource() {
        ReloadableResourceBundleMessageSource source = new IcuMessageSource();
        source.setBasenames(bundleBasenames());
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(SupportedLanguages.DEFAULT);
        return source;
    }

    /** {@code classpath:i18n/identity} for {@code i18n/identity.properties}, {@code identity_en}, {@code identity_ar}. */
    static String[] bundleBasenames() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(BUNDLES);
            TreeSet<String> names = new TreeSet<>();
            Arrays.stream(resources)
                    .map(Resource::getFilename)
                    .filter(n -> n != null && !n.contains("_"))
                    .forEach(n -> names.add("classpath:i18n/" + n.substring(0, n.length() - ".properties".length())));
            return names.toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the message bundles", e);
        }
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("BAOBAB_LANG") {
            @Override
            public void setLocale(
                    HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
                // only the languages Baobab speaks are remembered; anything else keeps the current choice
                if (locale == null
                        || SupportedLanguages.find(locale.toLanguageTag()).isPresent()) {
                    super.setLocale(request, response, locale);
                }
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(LocaleConfiguration::preferredLanguage);
        return resolver;
    }

    private static Locale preferredLanguage(HttpServletRequest request) {
        for (Locale requested : java.util.Collections.list(request.getLocales())) {
            var supported = SupportedLanguages.find(requested.toLanguageTag());
            if (supported.isPresent() && request.getHeader("Accept-Language") != null) {
                return supported.get();
            }
        }
        return SupportedLanguages.DEFAULT;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
