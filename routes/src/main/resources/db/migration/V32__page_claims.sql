-- Page claims that outlive a restart of PostgreSQL. A page worker holds an advisory lock on the page while it
-- reads it (PageClaims); a restart of PostgreSQL ends every session and so every lock, while the workers go on
-- reading. The row says who holds the page, in which start of PostgreSQL it took the lock, and when the holder
-- last said it is still reading: a lock found free with a row of the same start means the holder died (take
-- the page at once); a row of an earlier start that is renewed means the holder still reads (wait for it).
create table page_claim (
    work_document_id uuid not null,
    number           integer not null,
    claim            uuid not null,          -- one taking of the page, by one consumer
    held_in          timestamptz not null,   -- pg_postmaster_start_time() when it was taken
    held_at          timestamptz not null,   -- its last renewal
    primary key (work_document_id, number)
);
