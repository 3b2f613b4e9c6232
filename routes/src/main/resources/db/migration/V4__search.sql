-- Search the way Vietnamese users type: accent- and case-insensitive, ranked, with highlighted snippets.
-- unaccent and pg_trgm ship with PostgreSQL's contrib and with the embedded (zonky 14.x) binaries; where a
-- server lacks them, accents are folded by translate() over the Vietnamese alphabet instead and the
-- trigram index is left out (search still works, through the full-text index).

do $do$
begin
    if exists (select 1 from pg_available_extensions where name = 'unaccent') then
        create extension if not exists unaccent;
    end if;
    if exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
        create extension if not exists pg_trgm;
    end if;
end
$do$;

-- sohoa_fold: NFC, then the Vietnamese letters to their base letter (đ to d), then lower case. Pure SQL and
-- really immutable (no dictionary file behind it), so it may be used in indexes and generated columns.
create function sohoa_fold(text) returns text
    language sql immutable strict parallel safe
    as $$ select lower(translate(normalize($1, NFC),
        'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ',
        'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydAAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD')) $$;

-- sohoa_vi: the text search configuration for Vietnamese. With unaccent, words are unaccented by the
-- dictionary, so ts_headline highlights the original accented words of a folded query; without it, a
-- copy of 'simple' over folded text.
do $do$
declare
    schema_name text;
begin
    create text search configuration sohoa_vi (copy = simple);
    select n.nspname into schema_name from pg_extension e join pg_namespace n on n.oid = e.extnamespace
        where e.extname = 'unaccent';
    if schema_name is not null then
        execute format('alter text search configuration sohoa_vi alter mapping for hword, hword_part, word '
            'with %I.unaccent, simple', schema_name);
    end if;
end
$do$;

-- the fields of a document as one text: their values, for search
create function sohoa_field_text(jsonb) returns text
    language sql immutable strict parallel safe
    as $$ select coalesce(string_agg(value ->> 'value', ' '), '') from jsonb_each($1) $$;

alter table page
    add column search_vector tsvector
        generated always as (to_tsvector('sohoa_vi'::regconfig, sohoa_fold(text))) stored;
create index page_search on page using gin (search_vector);

alter table document
    add column search_vector tsvector
        generated always as (to_tsvector('sohoa_vi'::regconfig, sohoa_fold(sohoa_field_text(fields)))) stored;
create index document_search on document using gin (search_vector);

-- partial dossier codes and names typed in a search box: trigrams, when pg_trgm is there
do $do$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index dossier_code_trgm on dossier using gin (sohoa_fold(code) gin_trgm_ops);
        create index agency_name_trgm on agency using gin (sohoa_fold(name) gin_trgm_ops);
    end if;
end
$do$;
