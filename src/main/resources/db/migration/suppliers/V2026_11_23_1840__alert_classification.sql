-- Alerts by field of activity: CPV codes (eight digits); a notice matches when one of its codes is under one of them.
alter table supplier_subscription add column cpv_codes text[] not null default '{}';
