-- The monitoring role GIAM_SAT (issue 20): a Prometheus scraper's account, system-wide, that reads only
-- /actuator/prometheus, /actuator/info and health details.
alter table account drop constraint account_role_check;
alter table account add constraint account_role_check
    check (role in ('TIEP_NHAN', 'KIEM_TRA', 'LUU_TRU', 'QUAN_TRI', 'API', 'GIAM_SAT'));
-- a monitoring account reads no dossiers: it has neither an agency nor allAgencies
alter table account drop constraint account_all_agencies_or_agency;
alter table account add constraint account_all_agencies_or_agency
    check (case when role = 'GIAM_SAT' then agency_id is null and not all_agencies
                else all_agencies or agency_id is not null end);
