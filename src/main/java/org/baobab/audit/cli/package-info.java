// SPDX-License-Identifier: Apache-2.0
/**
 * The journal's offline verifier ({@link org.baobab.audit.cli.JournalTool}): plain Java (JDK only, no framework), so
 * that anyone can check an export of the journal, its signed checkpoints and their place in the transparency log
 * without trusting the platform. It re-uses the journal's hash ({@code ChainHash}) and canonical JSON, the log's
 * Merkle tree ({@code shared.merkle}) and the shared JSON reader ({@code shared.json}), all JDK-only.
 */
@NullMarked
package org.baobab.audit.cli;

import org.jspecify.annotations.NullMarked;
