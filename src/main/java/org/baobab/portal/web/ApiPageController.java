// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API for people ({@code /developers}): what it is for, where its machine-readable description is, and every
 * public endpoint grouped by subject, read from the same OpenAPI description springdoc serves at {@code /api/docs} (so
 * the page cannot drift from the API).
 */
@Controller
class ApiPageController {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final OpenApiWebMvcResource openApi;
    private final String docsPath;
    private final JsonMapper json = JsonMapper.builder().build();

    ApiPageController(OpenApiWebMvcResource openApi, @Value("${springdoc.api-docs.path}") String docsPath) {
        this.openApi = openApi;
        this.docsPath = docsPath;
    }

    /** One endpoint: its method, path and one-line summary (English, as in the OpenAPI description). */
    public record Endpoint(String method, String path, String summary) {}

    @GetMapping("/developers")
    String page(HttpServletRequest request, Locale locale, Model model) throws Exception {
        JsonNode description = json.readTree(openApi.openapiJson(request, docsPath, locale));
        Map<String, List<Endpoint>> byTag = new LinkedHashMap<>();
        for (JsonNode tag : description.path("tags")) {
            byTag.put(tag.path("name").asString(), new ArrayList<>());
        }
        for (Map.Entry<String, JsonNode> path : description.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                String tag = operation.path("tags").path(0).asString("API");
                byTag.computeIfAbsent(tag, t -> new ArrayList<>())
                        .add(new Endpoint(
                                method.toUpperCase(Locale.ROOT),
                                path.getKey(),
                                operation.path("summary").asString("")));
            }
        }
        byTag.values().removeIf(List::isEmpty);
        byTag.values().forEach(l -> l.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method)));
        model.addAttribute("info", description.path("info"));
        model.addAttribute("tags", byTag);
        model.addAttribute("docsPath", docsPath);
        return "portal/developers";
    }
}
