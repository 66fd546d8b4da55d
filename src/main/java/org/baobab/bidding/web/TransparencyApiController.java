// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.web;

import java.util.List;
import java.util.UUID;
import org.baobab.bidding.LogStatements;
import org.baobab.bidding.SignedTreeHead;
import org.baobab.bidding.TransparencyErrorCode;
import org.baobab.bidding.TransparencyLog;
import org.baobab.bidding.TreeHeads;
import org.baobab.shared.BaobabException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transparency log's public API (RFC 9162 in JSON, no account needed): the signed tree head, the heads signed so
 * far, inclusion and consistency proofs, and leaf hashes. Numbers arrive as text and are read here, so that a bad one
 * gets a translated RFC 9457 problem (400), never a server error.
 */
@RestController
class TransparencyApiController {

    static final int DEFAULT_LIST = 100;

    private final TreeHeads treeHeads;
    private final TransparencyLog log;
    private final LogStatements statements;

    TransparencyApiController(TreeHeads treeHeads, TransparencyLog log, LogStatements statements) {
        this.treeHeads = treeHeads;
        this.log = log;
        this.statements = statements;
    }

    /** The latest signed tree head; a new one is signed first if the log grew since. */
    @GetMapping("/api/transparency/tree-head")
    SignedTreeHead treeHead() {
        return treeHeads.current();
    }

    /** Every signed head after a tree size, smallest first, for anyone who archives them. */
    @GetMapping("/api/transparency/tree-heads")
    List<SignedTreeHead> treeHeads(
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable String limit) {
        long afterSize = after == null ? -1 : number("after", after);
        long count = limit == null ? DEFAULT_LIST : number("limit", limit);
        return treeHeads.after(afterSize, (int) Math.min(count, TreeHeads.MAX_LIST));
    }

    @GetMapping("/api/transparency/inclusion")
    TransparencyLog.InclusionProof inclusion(
            @RequestParam(required = false) @Nullable String index,
            @RequestParam(required = false) @Nullable String treeSize) {
        return log.inclusion(number("index", index), number("treeSize", treeSize));
    }

    @GetMapping("/api/transparency/consistency")
    TransparencyLog.ConsistencyProof consistency(
            @RequestParam(required = false) @Nullable String first,
            @RequestParam(required = false) @Nullable String second) {
        return log.consistency(number("first", first), number("second", second));
    }

    /** Leaves in log order from {@code from}: hashes, kinds, and the statements of the public kinds. */
    @GetMapping("/api/transparency/leaves")
    List<TransparencyLog.Leaf> leaves(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String limit) {
        long start = from == null ? 0 : number("from", from);
        long count = limit == null ? DEFAULT_LIST : number("limit", limit);
        return log.leaves(start, (int) Math.min(count, TransparencyLog.MAX_LEAVES));
    }

    /** The sealing set of a process as the log holds it (BSS1), with its inclusion proof in the signed tree head. */
    @GetMapping("/api/transparency/sealing-sets/{ocid}")
    LogStatements.Included sealingSet(@PathVariable String ocid) {
        return statements.sealingSet(ocid);
    }

    /** Every key a committee member enrolled (BKE1), in log order, each with its inclusion proof. */
    @GetMapping("/api/transparency/committee-keys/{userId}")
    List<LogStatements.Included> committeeKeys(@PathVariable String userId) {
        UUID id;
        try {
            id = UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            throw new BaobabException(TransparencyErrorCode.INVALID_PARAMETER, "userId");
        }
        return statements.keyEnrolments(id);
    }

    /** The audit journal's checkpoint of entry {@code seq} (BJC1), with its inclusion proof. */
    @GetMapping("/api/transparency/checkpoints/{seq}")
    LogStatements.Included checkpoint(@PathVariable String seq) {
        return statements.checkpoint(number("seq", seq));
    }

    @GetMapping("/api/transparency/leaves/{index}")
    TransparencyLog.Leaf leaf(@PathVariable String index) {
        return log.leaf(number("index", index));
    }

    /** A non-negative integer, or a problem naming the parameter. */
    static long number(String name, @Nullable String value) {
        if (value == null
                || value.isEmpty()
                || value.length() > 18
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BaobabException(TransparencyErrorCode.INVALID_PARAMETER, name);
        }
        return Long.parseLong(value);
    }
}
