-- Accounts for sign-in (issue 8). Each account has one role and belongs to an agency; it sees that
-- agency's dossiers and those of the agencies under it. An account with no agency is a system-wide
-- administrator (the first one comes from SOHOA_ADMIN_USER / SOHOA_ADMIN_PASSWORD) and sees everything.
-- Passwords are BCrypt hashes; API tokens are kept only as their SHA-256.

create table account (
    id             bigserial primary key,
    username       text not null unique,
    password_hash  text,                          -- null: cannot sign in with a password (token-only API client)
    role           text not null check (role in ('TIEP_NHAN', 'KIEM_TRA', 'LUU_TRU', 'QUAN_TRI', 'API')),
    agency_id      bigint references agency (id),
    display_name   text,
    enabled        boolean not null default true,
    created_at     timestamptz not null default now()
);

create table api_token (
    id           bigserial primary key,
    account_id   bigint not null references account (id) on delete cascade,
    token_sha256 char(64) not null unique,
    name         text not null,
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz
);

-- corrections made in review, kept for later training of the field extractor
create table field_correction (
    id           bigserial primary key,
    at           timestamptz not null default now(),
    actor        text not null,
    document_id  uuid not null references document (id) on delete cascade,
    field        text not null,
    old_value    text,
    new_value    text,
    old_type     text,
    new_type     text
);
create index field_correction_document on field_correction (document_id);
