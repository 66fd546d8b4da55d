// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.baobab.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class DocumentsApiTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    DocumentsApiTests(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private static RequestPostProcessor signedIn() {
        return user("a@b.sn").authorities(new SimpleGrantedAuthority("SESSION_FULL"));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private String upload(byte[] bytes, String name) throws Exception {
        String sha = sha256(bytes);
        mvc.perform(multipart("/api/documents")
                        .file(new MockMultipartFile("file", name, "application/pdf", bytes))
                        .with(csrf())
                        .with(signedIn()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/documents/" + sha))
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.sha256").value(sha))
                .andExpect(jsonPath("$.size").value(bytes.length))
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.fileName").value(name))
                .andExpect(jsonPath("$.storedAt").exists());
        return sha;
    }

    @Test
    void uploadStoresTheFileRecordsItAndJournalsIt() throws Exception {
        byte[] bytes = Samples.pdf("upload");
        String sha = upload(bytes, "offre.pdf");

        assertThat(jdbc.sql("select size from documents_blob where sha256 = :s")
                        .param("s", sha)
                        .query(Long.class)
                        .single())
                .isEqualTo(bytes.length);
        assertThat(jdbc.sql("select uploaded_by from documents_upload where sha256 = :s")
                        .param("s", sha)
                        .query(String.class)
                        .list())
                .containsExactly("a@b.sn");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'documents.stored' and subject_id = :s")
                        .param("s", sha)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        upload(bytes, "copie.pdf");
        assertThat(jdbc.sql("select count(*) from documents_blob where sha256 = :s")
                        .param("s", sha)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from documents_upload where sha256 = :s")
                        .param("s", sha)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void anonymousUploadsAreRefused() throws Exception {
        mvc.perform(multipart("/api/documents")
                        .file(new MockMultipartFile("file", "offre.pdf", "application/pdf", Samples.pdf()))
                        .with(csrf())
                        .with(SecurityMockMvcRequestPostProcessors.anonymous()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aFileThatLiesAboutItsTypeIsRefusedWithAProblem() throws Exception {
        mvc.perform(multipart("/api/documents")
                        .file(new MockMultipartFile("file", "offre.pdf", "application/pdf", Samples.png()))
                        .with(csrf())
                        .with(signedIn()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("DOCUMENTS-0003"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("image/png")));
    }

    @Test
    void downloadsAreAttachmentsWithSafeHeadersAndAnEtag() throws Exception {
        byte[] bytes = Samples.pdf("download");
        String sha = upload(bytes, "Offre technique été.pdf");

        mvc.perform(get("/documents/" + sha).with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().bytes(bytes))
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Length", String.valueOf(bytes.length)))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                .andExpect(header().string(
                                "Content-Disposition",
                                org.hamcrest.Matchers.containsString(
                                        "filename*=UTF-8''Offre%20technique%20%C3%A9t%C3%A9.pdf")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "sandbox; default-src 'none'"))
                .andExpect(header().string("Cache-Control", "private, max-age=31536000, immutable"))
                .andExpect(header().string("ETag", "\"" + sha + "\""));

        mvc.perform(get("/documents/" + sha)
                        .header("If-None-Match", "\"" + sha + "\"")
                        .with(signedIn()))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", "\"" + sha + "\""))
                .andExpect(content().bytes(new byte[0]));

        mvc.perform(get("/documents/" + sha))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isIn(302, 401));
    }

    @Test
    void unknownAndMalformedAddressesAreRefused() throws Exception {
        mvc.perform(get("/documents/" + "a".repeat(64)).with(signedIn())).andExpect(status().isNotFound());
        mvc.perform(get("/documents/not-a-hash").with(signedIn())).andExpect(status().isBadRequest());
    }
}
