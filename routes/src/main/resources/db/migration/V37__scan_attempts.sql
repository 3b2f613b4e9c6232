-- Plannings of a scan started and not finished (each a worker that took the scan job and stopped on it), so
-- that a file that kills every worker that plans it is quarantined after the delivery limit on a broker that
-- does not count deliveries itself (the embedded Qpid). A row goes when its planning finishes.
create table work_scan (
    scan_id    uuid primary key,
    attempts   integer not null,
    started_at timestamptz not null default now()
);
