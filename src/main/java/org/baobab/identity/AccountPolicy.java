// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on sign-in and on the links sent by mail. An account is locked for {@code lockDuration} after {@code
 * maxFailures} consecutive failures (password or code); an address that failed {@code maxFailuresPerAddress} times
 * within {@code window} is refused (HTTP 429) until the window has passed, whichever account it tries.
 */
@ConfigurationProperties("baobab.sign-in")
public record AccountPolicy(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window,
        @DefaultValue("24h") Duration emailTokenValidity,
        @DefaultValue("1h") Duration resetTokenValidity,
        @DefaultValue("7d") Duration invitationValidity) {}
