-- Each member of a sealing set is told in the centre of the set published with their name and the key it uses.
alter table notifications_inbox drop constraint notifications_inbox_kind_check;
alter table notifications_inbox add constraint notifications_inbox_kind_check
    check (kind in ('NOTICE_ADDENDUM', 'NOTICE_ANSWER', 'NOTICE_DEADLINE', 'NOTICE_CANCELLED', 'DOCUMENT_EXPIRING',
                    'ALERT_MATCH', 'BID_SUBMITTED', 'BID_WITHDRAWN', 'AWARD_PROVISIONAL', 'COMPLAINT', 'SEALING_SET'));
