// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The blob store: a folder unless another {@link BlobStore} (for example S3-compatible) is provided. */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean(BlobStore.class)
    BlobStore fileSystemBlobStore(DocumentsProperties properties) {
        return new FileSystemBlobStore(properties.directory());
    }

    @Bean
    ContentTypes contentTypes() {
        return new ContentTypes();
    }
}
