// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static assets are versioned and cached for a year: a page's {@code @{/css/baobab.css}} becomes
 * {@code /css/baobab-<content hash>.css} (Spring's {@link VersionResourceResolver}, through the
 * {@link ResourceUrlEncodingFilter} Thymeleaf's links go through), answered {@code Cache-Control: public,
 * max-age=31536000, immutable}, so a browser fetches each version once. The scripts are ES modules that import each
 * other by relative paths ({@code ./sealing.js}), so they share one version, a hash of every script, as a path prefix
 * ({@code /<hash>/js/bid.js}): their imports then resolve to the same version. Pages themselves stay uncached.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {

    static final Duration CACHED_FOR = Duration.ofDays(365);

    private static final String STATIC = "classpath:/static/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Spring Boot's own mapping of the static folder is off (spring.web.resources.add-mappings): this is the one
        registry.addResourceHandler("/**")
                .addResourceLocations(STATIC)
                .setCacheControl(CacheControl.maxAge(CACHED_FOR).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new VersionResourceResolver()
                        .addContentVersionStrategy("/css/**", "/favicon*.svg")
                        // with or without the version in front: /js/bid.js, /<version>/js/bid.js
                        .addFixedVersionStrategy(scriptsVersion(), "/**/*.js"));
    }

    /** The links in pages carry the versions. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** The first 16 hexadecimal digits of the SHA-256 of every script, in name order. */
    static String scriptsVersion() {
        try {
            Resource[] scripts = new PathMatchingResourcePatternResolver().getResources(STATIC + "js/**/*.js");
            Arrays.sort(scripts, Comparator.comparing(StaticAssets::name));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Resource script : scripts) {
                digest.update(name(script).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = script.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the scripts", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Resource resource) {
        try {
            String url = resource.getURL().toString();
            return url.substring(url.lastIndexOf("/static/") + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
