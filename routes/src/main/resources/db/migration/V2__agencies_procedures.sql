-- Agencies (province, district, commune, each under its parent) and procedures (TTHC) with the
-- components a dossier of that procedure must contain.

create table agency (
    id          bigserial primary key,
    code        text not null unique,
    name        text not null,
    level       text not null check (level in ('province', 'district', 'commune')),
    parent_id   bigint references agency (id),
    created_at  timestamptz not null default now(),
    -- a province has no parent; a district's parent is a province, a commune's a district (checked by the app)
    check ((level = 'province') = (parent_id is null))
);
create index agency_parent on agency (parent_id);

create table procedure (
    id          bigserial primary key,
    code        text not null unique,          -- mã TTHC, e.g. 1.004227
    name        text not null,
    level       text check (level in ('province', 'district', 'commune')),
    created_at  timestamptz not null default now()
);

create table procedure_component (
    procedure_id  bigint not null references procedure (id) on delete cascade,
    code          text not null,                -- stable within the procedure, e.g. don_de_nghi
    name          text not null,
    required      boolean not null default true,
    primary key (procedure_id, code)
);
