-- The transparency log of bid receipts (docs/sealing-format.md, "Receipts and transparency log"): an append-only
-- RFC 9162 Merkle tree whose leaves are the receipts' canonical JSON, and the signed heads of that tree.

-- One row: the number of leaves. Appending locks it (update ... returning), so indexes are handed out one at a time,
-- without gaps, and a rolled-back append gives its index back.
create table bidding_log_state (
    singleton boolean primary key default true check (singleton),
    size      bigint  not null check (size >= 0)
);
insert into bidding_log_state (singleton, size) values (true, 0);

-- The leaves: each the exact bytes of a receipt's canonical JSON (the signed statement, without the signature).
create table bidding_log_leaf (
    leaf_index  bigint      primary key check (leaf_index >= 0),
    envelope_id uuid        not null unique,
    leaf        bytea       not null,
    leaf_hash   bytea       not null unique check (length(leaf_hash) = 32),
    key_id      char(64)    not null,
    signature   text        not null,
    appended_at timestamptz not null
);

-- The hashes of the perfect subtrees (2^level leaves from node_index * 2^level), written when their last leaf is
-- appended, so that a root or a proof reads O(log n) rows. Level 0 is the leaf hash, in bidding_log_leaf.
create table bidding_log_node (
    level      smallint not null check (level between 1 and 62),
    node_index bigint   not null check (node_index >= 0),
    hash       bytea    not null check (length(hash) = 32),
    primary key (level, node_index)
);

-- Signed tree heads, one per tree size, kept so that anyone can fetch and archive them.
create table bidding_tree_head (
    tree_size    bigint      primary key check (tree_size >= 0),
    root_hash    char(64)    not null,
    -- milliseconds since 1970-01-01T00:00:00Z, as signed
    signed_epoch bigint      not null,
    key_id       char(64)    not null,
    signature    text        not null
);

create function bidding_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the transparency log is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger bidding_log_leaf_append_only before update or delete on bidding_log_leaf
    for each row execute function bidding_log_refuse_change();
create trigger bidding_log_leaf_no_truncate before truncate on bidding_log_leaf
    for each statement execute function bidding_log_refuse_change();
create trigger bidding_log_node_append_only before update or delete on bidding_log_node
    for each row execute function bidding_log_refuse_change();
create trigger bidding_log_node_no_truncate before truncate on bidding_log_node
    for each statement execute function bidding_log_refuse_change();
create trigger bidding_tree_head_append_only before update or delete on bidding_tree_head
    for each row execute function bidding_log_refuse_change();
create trigger bidding_tree_head_no_truncate before truncate on bidding_tree_head
    for each statement execute function bidding_log_refuse_change();

-- The size only grows, by one at a time.
create function bidding_log_size_only_grows() returns trigger language plpgsql as $$
begin
    if new.size <> old.size + 1 then
        raise exception 'the transparency log grows one leaf at a time: % to % is refused', old.size, new.size
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;
create trigger bidding_log_state_grows before update on bidding_log_state
    for each row execute function bidding_log_size_only_grows();
create trigger bidding_log_state_no_delete before delete on bidding_log_state
    for each row execute function bidding_log_refuse_change();
create trigger bidding_log_state_no_truncate before truncate on bidding_log_state
    for each statement execute function bidding_log_refuse_change();
