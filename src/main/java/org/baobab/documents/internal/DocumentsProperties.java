// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the document store: the largest file accepted ({@code baobab.documents.max-size}, 50MB unless set; the
 * multipart limits of {@code application.yaml} follow it) and the folder of the blobs ({@code
 * baobab.documents.directory}).
 */
@ConfigurationProperties("baobab.documents")
public record DocumentsProperties(
        @DefaultValue("50MB") DataSize maxSize,
        @DefaultValue("data/documents") Path directory) {}
