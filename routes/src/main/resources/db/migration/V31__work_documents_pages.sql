-- Cluster mode (issue 9): the work between the stages that must survive any process. The scan stage plans a
-- document from a stored original; each of its pages is read (cleanup + OCR) by whichever worker takes its
-- page job, and the reading is stored here once; the worker that stores the last one queues the document job,
-- which classifies, extracts, writes the PDF/A and records the document (with its outbox row) in one
-- transaction with the state 'recorded' here.

create table work_document (
    -- derived from (dossier code, original SHA-256): the same bytes in one dossier are the same job
    id               uuid primary key,
    dossier_code     text not null,
    original_name    text not null,
    original_sha256  char(64) not null,
    original_size    bigint not null,
    -- paths relative to SOHOA_HOME: the original recorded (a batch part's manifest) and the stored file whose
    -- pages are decoded (the original itself, or the batch the part was cut from)
    original_path    text not null,
    source_path      text not null,
    page_count       integer not null,
    source           text not null,          -- inbox, capture-folder, ftp, mail, upload
    quarantine_path  text,                   -- where a copy goes with its reason if a worker rejects it
    last_scan_id     uuid not null,          -- the receipt that planned it last
    state            text not null check (state in ('reading', 'recorded', 'rejected')),
    attempts         integer not null default 0,   -- documents jobs started: a job that kills workers is stopped
    document_id      uuid references document (id),
    reason           text,
    message          text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    unique (dossier_code, original_sha256)
);

create table work_page (
    work_document_id uuid not null references work_document (id) on delete cascade,
    number           integer not null,       -- 1-based in the document
    source_page      integer not null,       -- 1-based in the source file
    reading          jsonb,                  -- the PageReading; cleared once the document is recorded
    attempts         integer not null default 0,   -- readings started
    ocr_runs         integer not null default 0,   -- readings finished and offered (the first one is kept)
    last_offer       uuid,
    started_by       text,
    started_at       timestamptz,
    read_by          text,
    read_at          timestamptz,
    primary key (work_document_id, number)
);
create index work_document_reading on work_document (updated_at) where state = 'reading';
