-- Dossiers, their digitized documents and pages, rejected scans, and the outbox of results messages.

create table dossier (
    id          bigserial primary key,
    code        text not null unique,
    created_at  timestamptz not null default now()
);

create table document (
    id               uuid primary key,
    dossier_id       bigint not null references dossier (id),
    type             text not null,
    type_confidence  real not null,
    fields           jsonb not null default '{}'::jsonb,
    needs_review     boolean not null,
    page_count       integer not null,
    mean_confidence  real not null,
    original_name    text not null,
    original_sha256  char(64) not null,
    original_size    bigint not null,
    original_path    text not null,
    pdf_path         text not null,
    pdf_sha256       char(64) not null,
    pdf_size         bigint not null,
    created_at       timestamptz not null default now(),
    -- the same file dropped twice into one dossier is one document
    unique (dossier_id, original_sha256)
);

create table page (
    document_id      uuid not null references document (id) on delete cascade,
    number           integer not null,
    text             text not null,
    mean_confidence  real not null,
    rotation         integer not null,
    skew_degrees     real not null,
    blank            boolean not null,
    dpi              real not null,
    primary key (document_id, number)
);

create table rejected_scan (
    id               bigserial primary key,
    dossier_code     text,
    original_name    text not null,
    original_sha256  char(64),
    quarantine_path  text not null,
    reason           text not null,
    message          text not null,
    created_at       timestamptz not null default now()
);

-- messages committed with the records they announce; the publisher delivers and marks them
create table outbox (
    id            uuid primary key,
    exchange      text not null,
    routing_key   text not null,
    payload       jsonb not null,
    created_at    timestamptz not null default now(),
    attempts      integer not null default 0,
    last_error    text,
    published_at  timestamptz
);
create index outbox_pending on outbox (created_at) where published_at is null;
