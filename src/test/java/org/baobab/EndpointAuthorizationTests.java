// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.internal.SignIn;
import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.Role;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint has a declared access rule here, and each rule is proven: who may call it gets through the security
 * chain, who may not is stopped (401 for the API, a redirect to the login page or 403 for pages). A new endpoint
 * without a line here fails {@link #everyEndpointHasADeclaredRule()}; a line whose endpoint is gone fails too.
 *
 * <p>"Gets through" means the answer is not an authentication or authorisation refusal: the request may still be
 * refused for its content (400, 404, 409), which other tests check.
 */
@IntegrationTest
class EndpointAuthorizationTests {

    /** Who may call an endpoint. */
    sealed interface Access permits Public, PasswordStep, SignedIn, AnyRole {}

    /** Anyone, signed in or not. */
    record Public() implements Access {}

    /** A session between the password and the second factor (and only such a session). */
    record PasswordStep() implements Access {}

    /** Any fully signed-in user (password and second factor). */
    record SignedIn() implements Access {}

    /** A fully signed-in user holding one of these roles. */
    record AnyRole(Set<Role> roles) implements Access {}

    static final Access PUBLIC = new Public();
    static final Access PASSWORD_STEP = new PasswordStep();
    static final Access SIGNED_IN = new SignedIn();

    static Access anyOf(Role... roles) {
        return new AnyRole(Set.of(roles));
    }

    /** "METHOD /pattern" of every handler, and who may call it. */
    static final Map<String, Access> RULES = new LinkedHashMap<>();

    static {
        // portal
        RULES.put("GET /", PUBLIC);
        RULES.put("GET /developers", PUBLIC);
        RULES.put("* /error", PUBLIC);
        // identity
        RULES.put("GET /login", PUBLIC);
        RULES.put("* /login/too-many-attempts", PUBLIC);
        RULES.put("GET /login/second-factor", PASSWORD_STEP);
        RULES.put("POST /login/second-factor", PASSWORD_STEP);
        RULES.put("GET /account/second-factor/setup", PASSWORD_STEP);
        RULES.put("POST /account/second-factor/setup", PASSWORD_STEP);
        RULES.put("GET /register", PUBLIC);
        RULES.put("POST /register", PUBLIC);
        RULES.put("GET /register/done", PUBLIC);
        RULES.put("GET /verify-email", PUBLIC);
        RULES.put("GET /verify-email/resend", PUBLIC);
        RULES.put("POST /verify-email/resend", PUBLIC);
        RULES.put("GET /password/forgot", PUBLIC);
        RULES.put("POST /password/forgot", PUBLIC);
        RULES.put("GET /password/reset", PUBLIC);
        RULES.put("POST /password/reset", PUBLIC);
        RULES.put("GET /invitation", PUBLIC);
        RULES.put("POST /invitation", PUBLIC);
        RULES.put("GET /account", SIGNED_IN);
        RULES.put("POST /account/password", SIGNED_IN);
        RULES.put("GET /organisation/{id}/members", anyOf(Role.ORGANISATION_ADMIN, Role.SUPPLIER_ADMIN));
        RULES.put("POST /organisation/{id}/invitations", anyOf(Role.ORGANISATION_ADMIN, Role.SUPPLIER_ADMIN));
        RULES.put(
                "POST /organisation/{id}/members/{userId}/roles", anyOf(Role.ORGANISATION_ADMIN, Role.SUPPLIER_ADMIN));
        RULES.put("GET /admin/organisations", anyOf(Role.PLATFORM_ADMIN));
        RULES.put("POST /admin/organisations", anyOf(Role.PLATFORM_ADMIN));
        RULES.put("GET /incidents", PUBLIC);
        RULES.put(
                "GET /incidents/declare", anyOf(Role.PLATFORM_ADMIN, Role.COMPLAINTS_OFFICER, Role.REGULATOR_AUDITOR));
        RULES.put("POST /incidents", anyOf(Role.PLATFORM_ADMIN, Role.COMPLAINTS_OFFICER, Role.REGULATOR_AUDITOR));
        // bidding
        RULES.put("POST /api/bids/uploads", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put("GET /api/bids/uploads/{id}", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put("PUT /api/bids/uploads/{id}", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        // bidding: submission, withdrawal and receipts for the company's bidders; the sealing set is public
        RULES.put("GET /api/bids/sealing-sets/{ocid}", PUBLIC);
        RULES.put("GET /api/complaints", PUBLIC);
        RULES.put("GET /complaints", PUBLIC);
        RULES.put("GET /buyer/complaints", anyOf(Role.BUYER, Role.PRM));
        RULES.put("GET /complaints/new", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY));
        RULES.put("POST /complaints", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY));
        RULES.put("GET /complaints/{id}", SIGNED_IN);
        RULES.put("POST /complaints/{id}/messages", SIGNED_IN);
        RULES.put("POST /complaints/{id}/answer", anyOf(Role.PRM));
        RULES.put("POST /complaints/{id}/escalate", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY));
        RULES.put("POST /regulator/complaints/{id}/suspend", anyOf(Role.COMPLAINTS_OFFICER));
        RULES.put("POST /regulator/complaints/{id}/lift", anyOf(Role.COMPLAINTS_OFFICER));
        RULES.put("POST /regulator/complaints/{id}/decide", anyOf(Role.COMPLAINTS_OFFICER));
        RULES.put("GET /regulator/complaints", anyOf(Role.COMPLAINTS_OFFICER));
        RULES.put("POST /api/bids", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put("GET /api/bids", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put("POST /api/bids/withdrawals", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put("GET /api/bids/{envelope}/receipt", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put("GET /bids", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put("GET /bids/{ocid}", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put("POST /bids/{ocid}/withdraw", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put("GET /bids/receipts/{envelope}", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put(
                "GET /bids/receipts/{envelope}/receipt.pdf",
                anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put(
                "GET /bids/receipts/{envelope}/receipt.json",
                anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        // rules
        RULES.put("GET /rules", PUBLIC);
        RULES.put("GET /rules/{country}", PUBLIC);
        RULES.put("GET /api/rules", PUBLIC);
        RULES.put("GET /api/rules/{country}", PUBLIC);
        RULES.put("GET /api/rules/schema.json", PUBLIC);
        RULES.put("GET /api/rules/calendar.schema.json", PUBLIC);
        RULES.put("GET /classification", PUBLIC);
        RULES.put("GET /classification/{code}", PUBLIC);
        RULES.put("GET /api/classification/cpv", PUBLIC);
        // audit
        RULES.put("GET /api/audit/verification", anyOf(Role.REGULATOR_AUDITOR));
        RULES.put("GET /api/audit/entries", anyOf(Role.REGULATOR_AUDITOR));
        RULES.put("GET /api/audit/export", anyOf(Role.REGULATOR_AUDITOR));
        RULES.put("GET /api/audit/checkpoints", PUBLIC);
        RULES.put("GET /audit", anyOf(Role.REGULATOR_AUDITOR));
        RULES.put("GET /audit/verification", anyOf(Role.REGULATOR_AUDITOR));
        RULES.put("GET /api/platform/signing-key", PUBLIC);
        // documents
        RULES.put("POST /api/documents", SIGNED_IN);
        RULES.put("GET /documents/{sha256}", SIGNED_IN);
        // planning
        RULES.put("GET /plans", PUBLIC);
        RULES.put("GET /plans/{id}", PUBLIC);
        RULES.put("GET /plans/{id}/agpm", PUBLIC);
        RULES.put("GET /buyer/plans", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/plans", anyOf(Role.BUYER, Role.PRM));
        RULES.put("GET /buyer/plans/template.csv", anyOf(Role.BUYER, Role.PRM));
        RULES.put("GET /buyer/plans/{id}", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/plans/{id}/lines", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/plans/{id}/lines/{lineId}/remove", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/plans/{id}/import", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/plans/{id}/validate", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/plans/{id}/reopen", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/plans/{id}/publish", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/plans/{id}/revise", anyOf(Role.BUYER, Role.PRM));
        // tendering
        RULES.put("GET /notices", PUBLIC);
        RULES.put("GET /notices/{ocid}", PUBLIC);
        RULES.put("GET /notices/{ocid}/opening", PUBLIC);
        RULES.put("GET /notices/{ocid}/opening/events", PUBLIC);
        RULES.put("GET /notices/{ocid}/opening/minutes/{id}.pdf", PUBLIC);
        RULES.put("GET /notices/{ocid}/documents/{sha256}", PUBLIC);
        RULES.put("POST /notices/{ocid}/questions", anyOf(Role.SUPPLIER_ADMIN, Role.BID_PREPARER, Role.SIGNATORY));
        RULES.put("POST /notices/{ocid}/follow", SIGNED_IN);
        RULES.put("GET /notices.atom", PUBLIC);
        RULES.put("GET /notices/{ocid}.ics", PUBLIC);
        RULES.put("GET /sitemap.xml", PUBLIC);
        RULES.put("GET /robots.txt", PUBLIC);
        RULES.put("GET /api/notices", PUBLIC);
        RULES.put("GET /api/notices/{ocid}", PUBLIC);
        RULES.put("GET /buyer/processes", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/processes", anyOf(Role.BUYER, Role.PRM));
        RULES.put("GET /buyer/processes/new", anyOf(Role.BUYER, Role.PRM));
        RULES.put("GET /buyer/processes/{id}", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/processes/{id}", anyOf(Role.BUYER, Role.PRM));
        RULES.put("GET /buyer/processes/{id}/steps/{step}", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/processes/{id}/steps/{step}", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/processes/{id}/documents", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/processes/{id}/documents/{documentId}/remove", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/processes/{id}/submit", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/processes/{id}/publish", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/processes/{id}/addenda", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/processes/{id}/cancel", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/processes/{id}/questions/{questionId}/answer", anyOf(Role.BUYER, Role.PRM));
        RULES.put("GET /review", anyOf(Role.CONTROLLER));
        RULES.put("GET /review/{id}", anyOf(Role.CONTROLLER));
        RULES.put("POST /review/{id}", anyOf(Role.CONTROLLER));
        // suppliers
        RULES.put("GET /suppliers/excluded", PUBLIC);
        RULES.put("GET /suppliers", PUBLIC);
        RULES.put("GET /alerts", PUBLIC);
        RULES.put("POST /alerts", PUBLIC);
        RULES.put("GET /alerts/confirm", PUBLIC);
        RULES.put("GET /alerts/unsubscribe", PUBLIC);
        RULES.put("POST /alerts/unsubscribe", PUBLIC);
        RULES.put("POST /alerts/{id}/remove", SIGNED_IN);
        RULES.put("GET /supplier/documents", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put("POST /supplier/documents", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put(
                "GET /verification/documents",
                anyOf(Role.BUYER, Role.PRM, Role.COMPLAINTS_OFFICER, Role.REGULATOR_AUDITOR));
        RULES.put(
                "POST /verification/documents/{id}",
                anyOf(Role.BUYER, Role.PRM, Role.COMPLAINTS_OFFICER, Role.REGULATOR_AUDITOR));
        RULES.put("GET /supplier/profile", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put("POST /supplier/profile", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put("GET /supplier", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put("GET /supplier/categories", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put("POST /supplier/categories", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put("POST /supplier/categories/remove", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        RULES.put("GET /api/suppliers/excluded", PUBLIC);
        RULES.put("GET /regulator/exclusions", anyOf(Role.COMPLAINTS_OFFICER));
        RULES.put("POST /regulator/exclusions", anyOf(Role.COMPLAINTS_OFFICER));
        RULES.put("POST /regulator/exclusions/{id}/lift", anyOf(Role.COMPLAINTS_OFFICER));
        // bidding: the transparency log is public
        RULES.put("GET /transparency", PUBLIC);
        RULES.put("GET /api/transparency/tree-head", PUBLIC);
        RULES.put("GET /api/transparency/tree-heads", PUBLIC);
        RULES.put("GET /api/transparency/inclusion", PUBLIC);
        RULES.put("GET /api/transparency/consistency", PUBLIC);
        RULES.put("GET /api/transparency/leaves/{index}", PUBLIC);
        RULES.put("GET /api/transparency/leaves", PUBLIC);
        RULES.put("GET /api/transparency/sealing-sets/{ocid}", PUBLIC);
        RULES.put("GET /api/transparency/committee-keys/{userId}", PUBLIC);
        RULES.put("GET /api/transparency/checkpoints/{seq}", PUBLIC);
        // opening: committee keys, the committee of a process (the service lets only the PRM designate)
        RULES.put("GET /committee/key", anyOf(Role.COMMITTEE_MEMBER));
        RULES.put("POST /api/committee/key/challenge", anyOf(Role.COMMITTEE_MEMBER));
        RULES.put("POST /api/committee/key", anyOf(Role.COMMITTEE_MEMBER));
        RULES.put("GET /buyer/processes/{id}/committee", anyOf(Role.BUYER, Role.PRM));
        RULES.put("POST /buyer/processes/{id}/committee", anyOf(Role.BUYER, Role.PRM));
        RULES.put("GET /opening/{ocid}", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /opening/{ocid}/start", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /opening/{ocid}/declaration", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /opening/{ocid}/minutes/observations", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /opening/{ocid}/minutes/approval", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /opening/{ocid}/pieces", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /opening/{ocid}/representatives", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("GET /api/opening/sessions/{id}/manifests", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /api/opening/sessions/{id}/releases", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        // evaluation: the committee and the PRM (the service lets each act in their part only)
        RULES.put("GET /evaluation", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("GET /evaluation/{ocid}", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("GET /evaluation/{ocid}/report", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("GET /evaluation/{ocid}/report.pdf", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /evaluation/{ocid}/start", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /evaluation/{ocid}/declaration", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /evaluation/{ocid}/marks", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /evaluation/{ocid}/submission", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /evaluation/{ocid}/settlement", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /evaluation/{ocid}/settlement/agreed", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /evaluation/{ocid}/technical/close", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /evaluation/{ocid}/financial-opening", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /evaluation/{ocid}/prices", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /evaluation/{ocid}/report", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        RULES.put("POST /evaluation/{ocid}/report/approval", anyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        // award: the authority's and the control body's page; the PRM acts, the controller reviews; a bidder's own
        // result
        RULES.put("GET /award/{ocid}", anyOf(Role.PRM, Role.BUYER, Role.CONTROLLER));
        RULES.put("GET /award/reviews", anyOf(Role.CONTROLLER));
        RULES.put("POST /award/{ocid}/review-request", anyOf(Role.PRM));
        RULES.put("POST /award/{ocid}/review", anyOf(Role.CONTROLLER));
        RULES.put("POST /award/{ocid}/provisional", anyOf(Role.PRM));
        RULES.put("POST /award/{ocid}/final", anyOf(Role.PRM));
        RULES.put("POST /award/{ocid}/cancel", anyOf(Role.PRM));
        RULES.put("GET /award/{ocid}/mine", anyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
        // opendata
        RULES.put("GET /api/ocds/releases", PUBLIC);
        RULES.put("GET /api/ocds/releases/{id}", PUBLIC);
        RULES.put("GET /api/ocds/records/{ocid}", PUBLIC);
        RULES.put("GET /open-data", PUBLIC);
        // notifications
        RULES.put("GET /demo/mailbox", anyOf(Role.PLATFORM_ADMIN));
        RULES.put("GET /admin/mail-log", anyOf(Role.PLATFORM_ADMIN));
        RULES.put("GET /notifications", SIGNED_IN);
        RULES.put("POST /notifications/{id}/read", SIGNED_IN);
        RULES.put("POST /notifications/read-all", SIGNED_IN);
        // OpenAPI description of the JSON API
        RULES.put("GET /api/docs", PUBLIC);
        RULES.put("GET /api/docs.yaml", PUBLIC);
    }

    /** A demo account holding each role, and one holding none of the roles that matter for the refusal checks. */
    static final Map<Role, String> DEMO_USER = Map.ofEntries(
            Map.entry(Role.PLATFORM_ADMIN, "admin@arcop.demo"),
            Map.entry(Role.ORGANISATION_ADMIN, "prm@sante.demo"),
            Map.entry(Role.REGULATOR_AUDITOR, "auditeur@arcop.demo"),
            Map.entry(Role.COMPLAINTS_OFFICER, "crd@arcop.demo"),
            Map.entry(Role.CONTROLLER, "controleur@dcmp.demo"),
            Map.entry(Role.PRM, "prm@sante.demo"),
            Map.entry(Role.BUYER, "acheteur@sante.demo"),
            Map.entry(Role.COMMITTEE_MEMBER, "commission1@sante.demo"),
            Map.entry(Role.SUPPLIER_ADMIN, "admin@sahel-numerique.demo"),
            Map.entry(Role.SIGNATORY, "admin@sahel-numerique.demo"),
            Map.entry(Role.BID_PREPARER, "offres@sahel-numerique.demo"));

    private final MockMvc mvc;
    private final RequestMappingHandlerMapping mappings;
    private final Accounts accounts;
    private final JdbcClient jdbc;

    EndpointAuthorizationTests(
            MockMvc mvc,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
            Accounts accounts,
            JdbcClient jdbc) {
        this.mvc = mvc;
        this.mappings = mappings;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    static Set<String> endpoints(RequestMappingHandlerMapping mappings) {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> patterns = info.getPatternValues();
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("*");
            }
            for (String pattern : patterns) {
                for (String method : methods) {
                    endpoints.add(method + " " + pattern);
                }
            }
        }
        return endpoints;
    }

    @Test
    void everyEndpointHasADeclaredRule() {
        Set<String> endpoints = endpoints(mappings);
        List<String> undeclared =
                endpoints.stream().filter(e -> !RULES.containsKey(e)).toList();
        List<String> stale =
                RULES.keySet().stream().filter(e -> !endpoints.contains(e)).toList();
        assertThat(undeclared)
                .as("endpoints with no access rule in EndpointAuthorizationTests.RULES")
                .isEmpty();
        assertThat(stale).as("rules for endpoints that no longer exist").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHolds() {
        return RULES.entrySet().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getKey() + " → " + rule.getValue(), () -> {
                    String method = rule.getKey().substring(0, rule.getKey().indexOf(' '));
                    String pattern = rule.getKey().substring(rule.getKey().indexOf(' ') + 1);
                    check(method.equals("*") ? "GET" : method, pattern, rule.getValue());
                }));
    }

    private void check(String method, String pattern, Access access) throws Exception {
        if (access instanceof Public) {
            assertAllowed(method, pattern, null, null);
        } else if (access instanceof PasswordStep) {
            assertDenied(method, pattern, null, null);
            CurrentUser user = user(DEMO_USER.get(Role.BUYER));
            assertAllowed(method, pattern, user, List.of(new SimpleGrantedAuthority(SignIn.PASSWORD_VERIFIED)));
            assertDenied(method, pattern, user, fullAuthorities(user));
        } else if (access instanceof SignedIn) {
            assertDenied(method, pattern, null, null);
            CurrentUser user = user(DEMO_USER.get(Role.BID_PREPARER));
            assertDenied(method, pattern, user, List.of(new SimpleGrantedAuthority(SignIn.PASSWORD_VERIFIED)));
            assertAllowed(method, pattern, user, fullAuthorities(user));
        } else if (access instanceof AnyRole r) {
            assertDenied(method, pattern, null, null);
            Role role = r.roles().stream().sorted().findFirst().orElseThrow();
            CurrentUser holder = user(DEMO_USER.get(role));
            assertDenied(method, pattern, holder, List.of(new SimpleGrantedAuthority(SignIn.PASSWORD_VERIFIED)));
            assertAllowed(method, pattern, holder, fullAuthorities(holder));
            CurrentUser other = Stream.of(Role.BID_PREPARER, Role.BUYER, Role.REGULATOR_AUDITOR)
                    .map(DEMO_USER::get)
                    .map(this::user)
                    .filter(u ->
                            u.memberships().stream().noneMatch(m -> r.roles().contains(m.role())))
                    .findFirst()
                    .orElseThrow();
            assertDenied(method, pattern, other, fullAuthorities(other));
        }
    }

    private CurrentUser user(String email) {
        UUID id = jdbc.sql("select id from identity_user where email = :e")
                .param("e", email)
                .query(UUID.class)
                .single();
        return accounts.currentUser(id).orElseThrow();
    }

    private static List<GrantedAuthority> fullAuthorities(CurrentUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(HttpAccessRules.SIGNED_IN));
        user.memberships()
                .forEach(
                        m -> authorities.add(new SimpleGrantedAuthority(m.role().authority())));
        return authorities;
    }

    private MockHttpServletResponse call(
            String method, String pattern, CurrentUser user, List<GrantedAuthority> authorities) throws Exception {
        String organisation = user == null
                ? UUID.randomUUID().toString()
                : user.primaryMembership()
                        .map(m -> m.organisationId().toString())
                        .orElse(UUID.randomUUID().toString());
        String url = pattern.replace("{id}", organisation)
                .replace("{userId}", UUID.randomUUID().toString())
                .replace("{country}", "SN")
                .replace("{sha256}", "0".repeat(64))
                .replace("{ocid}", "ocds-baobab-SN-2026-99999")
                .replace("{group}", "baobab")
                .replaceAll("\\{[^}]+}", "x");
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.request(HttpMethod.valueOf(method), url).with(csrf());
        request.with(r -> {
            r.setRemoteAddr("10.9.9.9");
            return r;
        });
        if (user != null) {
            request.with(authentication(new UsernamePasswordAuthenticationToken(user, null, authorities)));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private void assertAllowed(String method, String pattern, CurrentUser user, List<GrantedAuthority> authorities)
            throws Exception {
        MockHttpServletResponse response = call(method, pattern, user, authorities);
        assertThat(response.getStatus())
                .as("%s %s as %s should get through", method, pattern, who(user, authorities))
                .isNotIn(401, 403);
        assertThat(String.valueOf(response.getRedirectedUrl()))
                .as("%s %s as %s should not be sent to the login page", method, pattern, who(user, authorities))
                .doesNotEndWith("/login");
    }

    private void assertDenied(String method, String pattern, CurrentUser user, List<GrantedAuthority> authorities)
            throws Exception {
        MockHttpServletResponse response = call(method, pattern, user, authorities);
        String redirect = String.valueOf(response.getRedirectedUrl());
        // a password-only session is sent on to its second factor (the code page, or the enrolment on a first sign-in)
        boolean toLogin = response.getStatus() == 302
                && (redirect.endsWith("/login")
                        || redirect.contains("/login?")
                        || redirect.endsWith("/login/second-factor")
                        || redirect.endsWith("/account/second-factor/setup"));
        assertThat(response.getStatus() == 401 || response.getStatus() == 403 || toLogin)
                .as(
                        "%s %s as %s should be refused, got %d %s",
                        method, pattern, who(user, authorities), response.getStatus(), response.getRedirectedUrl())
                .isTrue();
    }

    private static String who(CurrentUser user, List<GrantedAuthority> authorities) {
        return user == null ? "anonymous" : user.email() + " " + authorities;
    }
}
