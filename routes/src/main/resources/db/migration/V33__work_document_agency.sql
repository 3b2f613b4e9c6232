-- The agency rule of the capture source a planned document came from, so that the worker that records it
-- admits it only into a dossier of that agency (or below it): any (an administrator's upload), none (a
-- source configured for no agency: agency-less dossiers only) or within capture_agency_code. Rows planned
-- before keep the rule they were planned under, which was any.
alter table work_document
    add column capture_agency text not null default 'any' check (capture_agency in ('any', 'none', 'within')),
    add column capture_agency_code text,
    add check ((capture_agency = 'within') = (capture_agency_code is not null));
