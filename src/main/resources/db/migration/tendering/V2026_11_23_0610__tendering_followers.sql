-- Who follows a published notice (by choice, or by having asked a question): they are told of its addenda, answers
-- and cancellation. A preference of the user, not a fact of the procedure: not journalled.
create table tendering_follower (
    process_id  uuid        not null references tendering_process (id),
    user_id     uuid        not null,
    followed_at timestamptz not null,
    primary key (process_id, user_id)
);

create index tendering_follower_user on tendering_follower (user_id);
