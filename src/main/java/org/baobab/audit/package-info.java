// SPDX-License-Identifier: Apache-2.0
/**
 * The tamper-evident audit journal: every {@link org.baobab.shared.AuditableEvent} of every module is appended in the
 * transaction of its change, hash-chained (SHA-256 over RFC 8785 canonical JSON) to the entry before it; the database
 * refuses to change or delete an entry; signed checkpoints of the chain head are published; auditors re-walk the
 * chain. The format is documented in {@code docs/audit-journal.md}.
 */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"shared"})
@NullMarked
package org.baobab.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
