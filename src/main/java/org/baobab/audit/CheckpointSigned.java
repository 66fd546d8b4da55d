// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit;

/** Published in the transaction that stores a signed checkpoint of the journal's head. */
public record CheckpointSigned(AuditJournal.SignedCheckpoint checkpoint) {}
