// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baobab.bidding.SignedTreeHead;
import org.baobab.shared.merkle.MerkleTree;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The transparency log's tables (migration {@code V2026_11_23_1900__transparency_log.sql}). Leaves, nodes and heads
 * are only ever inserted: the database refuses anything else.
 */
@Repository
public class LogStore {

    private final JdbcClient jdbc;

    LogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A leaf as stored: the statement's canonical JSON bytes, its hash and the platform's signature of it; its kind
     * (the statement's format), the envelope of a receipt, the subject of the other kinds (migration {@code
     * V2026_12_07_1000__log_statements.sql}).
     */
    public record StoredLeaf(
            long index,
            String kind,
            @Nullable UUID envelopeId,
            @Nullable String subject,
            byte[] leaf,
            byte[] leafHash,
            String keyId,
            String signature,
            Instant at) {}

    private static StoredLeaf leaf(ResultSet rs, int row) throws SQLException {
        return new StoredLeaf(
                rs.getLong("leaf_index"),
                rs.getString("kind"),
                rs.getObject("envelope_id", UUID.class),
                rs.getString("subject"),
                rs.getBytes("leaf"),
                rs.getBytes("leaf_hash"),
                rs.getString("key_id"),
                rs.getString("signature"),
                rs.getTimestamp("appended_at").toInstant());
    }

    private static SignedTreeHead head(ResultSet rs, int row) throws SQLException {
        return new SignedTreeHead(
                rs.getLong("tree_size"),
                rs.getString("root_hash"),
                rs.getLong("signed_epoch"),
                rs.getString("key_id"),
                rs.getString("signature"));
    }

    /**
     * Locks the log for an append until the transaction ends (other appends wait) and returns its size, the index
     * the next leaf will take.
     */
    public long lockForAppend() {
        return jdbc.sql("select size from bidding_log_state for update")
                .query(Long.class)
                .single();
    }

    /** The number of leaves committed (or appended by this transaction). */
    public long size() {
        return jdbc.sql("select size from bidding_log_state").query(Long.class).single();
    }

    /** Appends the leaf at the index {@link #lockForAppend} gave, with the subtrees it completes. */
    public void append(StoredLeaf leaf) {
        jdbc.sql("""
                insert into bidding_log_leaf
                    (leaf_index, kind, envelope_id, subject, leaf, leaf_hash, key_id, signature, appended_at)
                values (:index, :kind, :envelope, :subject, :leaf, :hash, :keyId, :signature, :at)""")
                .param("index", leaf.index())
                .param("kind", leaf.kind())
                .param("envelope", leaf.envelopeId())
                .param("subject", leaf.subject())
                .param("leaf", leaf.leaf())
                .param("hash", leaf.leafHash())
                .param("keyId", leaf.keyId())
                .param("signature", leaf.signature())
                .param("at", Timestamp.from(leaf.at()))
                .update();
        for (MerkleTree.Node node : MerkleTree.completedBy(leaf.index(), leaf.leafHash(), nodes())) {
            jdbc.sql("insert into bidding_log_node (level, node_index, hash) values (:level, :index, :hash)")
                    .param("level", node.level())
                    .param("index", node.index())
                    .param("hash", node.hash())
                    .update();
        }
        int grown = jdbc.sql("update bidding_log_state set size = size + 1 where size = :index")
                .param("index", leaf.index())
                .update();
        if (grown != 1) {
            throw new IllegalStateException("the log was not locked for this append (leaf " + leaf.index() + ")");
        }
    }

    public Optional<StoredLeaf> leafOfEnvelope(UUID envelopeId) {
        return jdbc.sql("select * from bidding_log_leaf where envelope_id = :e")
                .param("e", envelopeId)
                .query(LogStore::leaf)
                .optional();
    }

    /** The leaves of a kind about a subject, in log order. */
    public List<StoredLeaf> leavesAbout(String kind, String subject) {
        return jdbc.sql("select * from bidding_log_leaf where kind = :k and subject = :s order by leaf_index")
                .param("k", kind)
                .param("s", subject)
                .query(LogStore::leaf)
                .list();
    }

    /** The leaves of a kind whose statement names a text (a fingerprint, a user id), in log order, at most 500. */
    public List<StoredLeaf> leavesNaming(String kind, String text) {
        return jdbc.sql(
                        "select * from bidding_log_leaf where kind = :k and position(convert_to(:t, 'UTF8') in leaf) > 0"
                                + " order by leaf_index limit 500")
                .param("k", kind)
                .param("t", text)
                .query(LogStore::leaf)
                .list();
    }

    /** The leaves from {@code from} on, in log order, at most {@code limit}. */
    public List<StoredLeaf> leaves(long from, int limit) {
        return jdbc.sql("select * from bidding_log_leaf where leaf_index >= :f order by leaf_index limit :l")
                .param("f", from)
                .param("l", limit)
                .query(LogStore::leaf)
                .list();
    }

    public Optional<StoredLeaf> leaf(long index) {
        return jdbc.sql("select * from bidding_log_leaf where leaf_index = :i")
                .param("i", index)
                .query(LogStore::leaf)
                .optional();
    }

    /** The tree's hashes as stored: any root or proof reads O(log n) rows through them. */
    public MerkleTree.Nodes nodes() {
        return (level, index) -> {
            Optional<byte[]> hash = level == 0
                    ? jdbc.sql("select leaf_hash from bidding_log_leaf where leaf_index = :i")
                            .param("i", index)
                            .query(byte[].class)
                            .optional()
                    : jdbc.sql("select hash from bidding_log_node where level = :l and node_index = :i")
                            .param("l", level)
                            .param("i", index)
                            .query(byte[].class)
                            .optional();
            return hash.orElseThrow(() -> new IllegalStateException("the log has no node " + level + "/" + index));
        };
    }

    public String rootHex(long size) {
        return HexFormat.of().formatHex(MerkleTree.root(size, nodes()));
    }

    public Optional<SignedTreeHead> latestHead() {
        return jdbc.sql("select * from bidding_tree_head order by tree_size desc limit 1")
                .query(LogStore::head)
                .optional();
    }

    public Optional<SignedTreeHead> head(long treeSize) {
        return jdbc.sql("select * from bidding_tree_head where tree_size = :s")
                .param("s", treeSize)
                .query(LogStore::head)
                .optional();
    }

    /** Stores the head unless one of that size exists already (signed meanwhile by another node). */
    public void insertHead(SignedTreeHead head) {
        jdbc.sql("""
                insert into bidding_tree_head (tree_size, root_hash, signed_epoch, key_id, signature)
                values (:size, :root, :epoch, :keyId, :signature)
                on conflict (tree_size) do nothing""")
                .param("size", head.treeSize())
                .param("root", head.rootHash())
                .param("epoch", head.timestamp())
                .param("keyId", head.keyId())
                .param("signature", head.signature())
                .update();
    }

    /** Heads larger than {@code afterSize}, smallest first. */
    public List<SignedTreeHead> headsAfter(long afterSize, int limit) {
        return jdbc.sql("select * from bidding_tree_head where tree_size > :after order by tree_size limit :limit")
                .param("after", afterSize)
                .param("limit", limit)
                .query(LogStore::head)
                .list();
    }
}
