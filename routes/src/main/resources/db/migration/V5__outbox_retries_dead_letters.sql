-- The publisher retries with backoff; a message the broker keeps returning (unroutable) or refusing is
-- sent to the dead-letter queue with the reason after a number of attempts, and marked dead here.
-- A broker that cannot be reached at all never kills a message: it only delays it.

alter table outbox
    add column next_attempt_at  timestamptz not null default now(),
    add column dead_at          timestamptz,
    add column dead_reason      text;
drop index outbox_pending;
create index outbox_pending on outbox (next_attempt_at) where published_at is null and dead_at is null;
