// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The contract of every state change that must leave a trace in the audit journal. A module publishes such an event
 * (a record, named in the past tense) through Spring's {@code ApplicationEventPublisher} inside the transaction of the
 * change; the {@code audit} module appends it to the hash-chained journal synchronously, in that same transaction, so
 * the change and its journal entry commit or roll back together.
 */
public interface AuditableEvent {

    /**
     * The payload key that seals an entry's actor and organisation until a process's opening: an event whose actor
     * would tell who bid on a process (a bid submitted, withdrawn, an envelope stored) puts the process's ocid under
     * this key, and the journal's views show that entry's actor and organisation only once {@link BidOpenings} says
     * the process's opening has started (docs/audit-journal.md#sealed-until-the-opening).
     */
    String SEALED_UNTIL_OPENING = "sealedUntilOpening";

    /** Who did it: a user's e-mail, or {@code system} for jobs, or {@code anonymous}. */
    String actor();

    /** The organisation the actor acted for, if any. */
    @Nullable
    String organisation();

    /** What happened, as {@code module.verb-noun}, e.g. {@code identity.login-failed}. */
    String action();

    /** The kind of thing changed, e.g. {@code user}, {@code tender}. */
    String subjectType();

    /** The identifier of the thing changed. */
    String subjectId();

    /** The legal reason or article that grounds the action, when there is one. */
    @Nullable
    default String legalReason() {
        return null;
    }

    /**
     * Facts worth keeping with the entry. Values must be strings, numbers, booleans, lists or maps of those; never a
     * secret (no password, token or key).
     */
    default Map<String, Object> payload() {
        return Map.of();
    }
}
