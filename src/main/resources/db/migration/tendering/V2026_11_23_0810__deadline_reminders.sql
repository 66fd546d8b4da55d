-- Deadline reminders: the submission deadline a reminder was sent for, so that each deadline is reminded once (an
-- addendum that moves the deadline makes a new one).

alter table tendering_process add column deadline_reminded_for timestamptz;
