// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on sign-in and on the links sent by mail. Failures are counted per account and client address: after {@code
 * maxFailures} consecutive failures (password or code) for one e-mail from one address since its last success there
 * (within {@code failureMemory}), that address must wait {@code backoff}, doubled at each further failure and capped at
 * {@code lockDuration}, before it may try that e-mail again; other addresses, the owner's own included, are not
 * slowed. An address that failed {@code maxFailuresPerAddress} times within {@code window} is refused (HTTP 429) until
 * the window has passed, whichever account it tries (docs/security.md#sign-in-limits).
 */
@ConfigurationProperties("baobab.sign-in")
public record AccountPolicy(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window,
        @DefaultValue("24h") Duration emailTokenValidity,
        @DefaultValue("1h") Duration resetTokenValidity,
        @DefaultValue("7d") Duration invitationValidity,
        @DefaultValue("30s") Duration backoff,
        @DefaultValue("24h") Duration failureMemory) {}
