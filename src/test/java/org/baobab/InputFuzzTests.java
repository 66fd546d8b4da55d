// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.internal.SignIn;
import org.baobab.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * Every endpoint that {@link EndpointAuthorizationTests} declares gets malformed values (NUL, other control characters,
 * lone surrogates, a 100,000-character string, wrong types, huge and negative numbers, impossible dates, path tricks)
 * in the path variables, query parameters and form fields, as a signed-in user of a role allowed (anonymous for a
 * public endpoint), and a few as an anonymous visitor to each protected endpoint. Values that the edge refuses whatever
 * the slot (NUL, control characters, lone surrogates) and values that only make sense together (empty, negative) go
 * into every slot at once; values that type conversions and length checks meet (100,000 characters, wrong type, huge
 * number, impossible date) and path tricks into each slot alone, the other fields absent. Whatever the answer (400, 404, 409, a redirect…), it is never a 5xx: every failure is collected and reported
 * at once. Exhaustive over a small fixed set, so deterministic; each request runs in a transaction rolled back after
 * it, so the fuzzing changes no data another test relies on.
 */
@IntegrationTest
class InputFuzzTests {

    /** The malformed values, each with a name for the report. */
    static final Map<String, String> MALFORMED = new LinkedHashMap<>();

    static {
        MALFORMED.put("NUL", "a\u0000b");
        MALFORMED.put("control", "\u0001\u001b[2J\u007f");
        MALFORMED.put("lone-surrogate", "x\ud800y");
        MALFORMED.put("overlong", "x".repeat(100_000));
        MALFORMED.put("wrong-type", "pas-un-nombre");
        MALFORMED.put("huge-number", "99999999999999999999999999999999999999");
        MALFORMED.put("negative", "-1");
        MALFORMED.put("bad-date", "2026-02-30T25:61");
        MALFORMED.put("dot-dot", "../../etc/passwd");
        MALFORMED.put("encoded-dot-dot", "%2e%2e%2f%2e%2e");
        MALFORMED.put("empty", "");
    }

    /** Met by type conversions and length checks: sent in each slot alone, the others harmless. */
    static final Set<String> PER_SLOT = Set.of("overlong", "wrong-type", "huge-number", "bad-date");

    /** Sent in each path variable alone. */
    static final Set<String> PATH_TRICKS = Set.of("dot-dot", "encoded-dot-dot");

    /** Sent by an anonymous visitor to each protected endpoint. */
    static final Set<String> ANONYMOUS = Set.of("NUL", "overlong", "dot-dot");

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final MockMvc mvc;
    private final RequestMappingHandlerMapping mappings;
    private final Accounts accounts;
    private final TransactionTemplate transactions;

    InputFuzzTests(
            MockMvc mvc,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
            Accounts accounts,
            TransactionTemplate transactions) {
        this.mvc = mvc;
        this.mappings = mappings;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    @Test
    void noMalformedValueGetsA5xxFromAnyEndpoint() {
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        Map<String, HandlerMethod> handlers = handlers();
        for (Map.Entry<String, EndpointAuthorizationTests.Access> rule : EndpointAuthorizationTests.RULES.entrySet()) {
            String key = rule.getKey();
            String method = key.substring(0, key.indexOf(' '));
            String pattern = key.substring(key.indexOf(' ') + 1);
            HandlerMethod handler = handlers.get(key);
            Set<String> fields = handler == null ? Set.of() : fields(handler);
            List<String> variables = new ArrayList<>();
            Matcher m = PATH_VARIABLE.matcher(pattern);
            while (m.find()) {
                variables.add(m.group(1));
            }
            Caller anonymous = new Caller("anonymous", null);
            Caller holder = holder(rule.getValue());
            Caller allowed = holder == null ? anonymous : holder;
            List<String> slots = concat(variables, fields);
            for (Map.Entry<String, String> value : MALFORMED.entrySet()) {
                boolean perSlot = PER_SLOT.contains(value.getKey());
                // every slot malformed at once (once only where there is no slot), by one who may call the endpoint
                boolean once = slots.isEmpty() ? value.getKey().equals("NUL") : !perSlot || slots.size() > 1;
                if (once) {
                    requests++;
                    send(method, pattern, variables, fields, null, value, allowed, failures);
                }
                // an anonymous visitor on a protected endpoint: refused by the security chain, whatever the values
                if (holder != null && ANONYMOUS.contains(value.getKey())) {
                    requests++;
                    send(method, pattern, variables, fields, null, value, anonymous, failures);
                }
                // values that a type conversion or a length check meets: in each slot alone
                for (String slot : slots) {
                    if (perSlot || PATH_TRICKS.contains(value.getKey()) && variables.contains(slot)) {
                        requests++;
                        send(method, pattern, variables, fields, slot, value, allowed, failures);
                    }
                }
            }
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.printf("InputFuzzTests: %d requests in %d s%n", requests, seconds);
        assertThat(failures)
                .as("5xx answers to malformed input (%d requests)", requests)
                .isEmpty();
    }

    private record Caller(String name, UsernamePasswordAuthenticationToken token) {}

    private void send(
            String method,
            String pattern,
            List<String> variables,
            Set<String> fields,
            String slot,
            Map.Entry<String, String> value,
            Caller caller,
            List<String> failures) {
        String url = url(pattern, variables, slot, value.getValue());
        HttpMethod verb = HttpMethod.valueOf(method.equals("*") ? "GET" : method);
        MockHttpServletRequestBuilder request;
        try {
            request = MockMvcRequestBuilders.request(verb, URI.create(url));
        } catch (IllegalArgumentException e) {
            return; // not even a URI: no server would receive it
        }
        request.with(csrf()).with(r -> {
            r.setRemoteAddr("10.77.0.1");
            return r;
        });
        if (verb == HttpMethod.POST || verb == HttpMethod.PUT) {
            request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
        }
        for (String field : fields) {
            // alone: the other fields absent (a harmless-looking default would fail its own conversion first)
            if (slot == null || slot.equals(field)) {
                request.param(field, value.getValue());
            }
        }
        if (caller.token() != null) {
            request.with(authentication(caller.token()));
        }
        String what = method + " " + pattern + " [" + (slot == null ? "all" : slot) + "=" + value.getKey() + "] as "
                + caller.name();
        try {
            MockHttpServletResponse response = transactions.execute(status -> {
                status.setRollbackOnly();
                try {
                    return mvc.perform(request).andReturn().getResponse();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            if (response != null && response.getStatus() >= 500) {
                failures.add(what + " → " + response.getStatus());
            }
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            failures.add(what + " → " + cause.getClass().getSimpleName() + ": " + abbreviate(cause.getMessage()));
        }
    }

    private static String abbreviate(String message) {
        return message == null ? "" : message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    private static String url(String pattern, List<String> variables, String slot, String value) {
        String url = pattern;
        for (String variable : variables) {
            String replacement;
            if (variable.equals(slot) || slot == null) {
                replacement = value.startsWith("../") || value.startsWith("%2e")
                        ? value
                        : UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
            } else {
                replacement = switch (variable) {
                    case "ocid" -> "ocds-baobab-SN-2026-99999";
                    case "sha256" -> "0".repeat(64);
                    case "country" -> "SN";
                    default -> "00000000-0000-0000-0000-000000000000";
                };
            }
            url = url.replace("{" + variable + "}", replacement);
        }
        return url;
    }

    private static List<String> concat(List<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** "METHOD /pattern" of every handler, as {@link EndpointAuthorizationTests#endpoints} names them. */
    private Map<String, HandlerMethod> handlers() {
        Map<String, HandlerMethod> handlers = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mappings.getHandlerMethods().entrySet()) {
            Set<String> methods = new LinkedHashSet<>();
            e.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("*");
            }
            for (String pattern : e.getKey().getPatternValues()) {
                for (String method : methods) {
                    handlers.put(method + " " + pattern, e.getValue());
                }
            }
        }
        return handlers;
    }

    /** The names of the query parameters and form fields a handler reads. */
    private static Set<String> fields(HandlerMethod handler) {
        Set<String> fields = new LinkedHashSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (parameter.hasParameterAnnotation(PathVariable.class)
                    || parameter.hasParameterAnnotation(RequestBody.class)
                    || parameter.hasParameterAnnotation(AuthenticationPrincipal.class)) {
                continue;
            }
            Class<?> type = parameter.getParameterType();
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : param.value();
                if (name.isEmpty()) {
                    name = parameter.getParameterName();
                }
                if (name != null && !Map.class.isAssignableFrom(type)) {
                    fields.add(name);
                }
            } else if (type.getName().startsWith("org.baobab.") && type != CurrentUser.class) {
                if (type.isRecord()) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        fields.add(component.getName());
                    }
                } else {
                    for (Field field : type.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers())) {
                            fields.add(field.getName());
                        }
                    }
                }
            }
        }
        return fields;
    }

    /** A signed-in caller allowed by the rule, or none for a public endpoint. */
    private Caller holder(EndpointAuthorizationTests.Access access) {
        if (access instanceof EndpointAuthorizationTests.Public) {
            return null;
        }
        if (access instanceof EndpointAuthorizationTests.PasswordStep) {
            CurrentUser user = user(EndpointAuthorizationTests.DEMO_USER.get(Role.BUYER));
            return new Caller(
                    user.email() + " (password step)",
                    new UsernamePasswordAuthenticationToken(
                            user, null, List.of(new SimpleGrantedAuthority(SignIn.PASSWORD_VERIFIED))));
        }
        Role role = access instanceof EndpointAuthorizationTests.AnyRole r
                ? r.roles().stream().sorted().findFirst().orElseThrow()
                : Role.BID_PREPARER;
        CurrentUser user = user(EndpointAuthorizationTests.DEMO_USER.get(role));
        return new Caller(user.email(), (UsernamePasswordAuthenticationToken) tokenOf(user));
    }

    private static Object tokenOf(CurrentUser user) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(org.baobab.shared.HttpAccessRules.SIGNED_IN));
        user.memberships()
                .forEach(
                        m -> authorities.add(new SimpleGrantedAuthority(m.role().authority())));
        return new UsernamePasswordAuthenticationToken(user, null, authorities);
    }

    private CurrentUser user(String email) {
        return accounts.currentUserByEmail(email).orElseThrow();
    }
}
