-- Dossiers gain their agency, procedure, dates and status (unknown for a dossier created on the fly from
-- a code in the inbox until the one-stop system tells them); documents gain their role, the procedure
-- component they provide and a review state; files (original, PDF) get a table of their own; an audit
-- trail records who did what when.

alter table dossier
    add column agency_id     bigint references agency (id),
    add column procedure_id  bigint references procedure (id),
    add column received_on   date,
    add column due_on        date,
    add column status        text not null default 'received'
        check (status in ('received', 'processing', 'resolved', 'returned', 'cancelled')),
    add column updated_at    timestamptz not null default now();
create index dossier_agency_received on dossier (agency_id, received_on);
create index dossier_procedure on dossier (procedure_id);

alter table document
    add column role            text not null default 'submitted' check (role in ('submitted', 'result')),
    add column component_code  text,
    add column review_state    text not null default 'auto'
        check (review_state in ('auto', 'needs_review', 'reviewed', 'corrected'));
update document set review_state = 'needs_review' where needs_review;
create index document_dossier_role on document (dossier_id, role, component_code);

create table stored_file (
    id           uuid primary key,
    document_id  uuid not null references document (id) on delete cascade,
    kind         text not null check (kind in ('original', 'pdf')),
    name         text not null,
    media_type   text not null,
    path         text not null,
    sha256       char(64) not null,
    size         bigint not null,
    created_at   timestamptz not null default now(),
    unique (document_id, kind)
);
insert into stored_file (id, document_id, kind, name, media_type, path, sha256, size, created_at)
select gen_random_uuid(), id, 'original', original_name, 'application/octet-stream', original_path,
       original_sha256, original_size, created_at from document;
insert into stored_file (id, document_id, kind, name, media_type, path, sha256, size, created_at)
select gen_random_uuid(), id, 'pdf', regexp_replace(original_name, '\.[^.]*$', '') || '.pdf', 'application/pdf',
       pdf_path, pdf_sha256, pdf_size, created_at from document;

create table audit_event (
    id           bigserial primary key,
    at           timestamptz not null default now(),
    actor        text not null,                 -- 'system:inbox', 'api', later the signed-in officer
    action       text not null,                 -- document.recorded, file.uploaded, dossier.updated, ...
    dossier_id   bigint references dossier (id),
    document_id  uuid references document (id) on delete set null,
    detail       jsonb not null default '{}'::jsonb
);
create index audit_event_dossier on audit_event (dossier_id, at);
