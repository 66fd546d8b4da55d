// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of bid uploads: the folder where unfinished uploads wait ({@code baobab.bidding.uploads-directory}), the
 * largest envelope accepted ({@code max-envelope-size}, 250 MB), and how long an unfinished upload untouched is kept
 * before it is deleted ({@code unfinished-retention}, 24 hours).
 */
@ConfigurationProperties("baobab.bidding")
public record BiddingProperties(
        @DefaultValue("data/uploads") Path uploadsDirectory,
        @DefaultValue("250MB") DataSize maxEnvelopeSize,
        @DefaultValue("24h") Duration unfinishedRetention) {}
