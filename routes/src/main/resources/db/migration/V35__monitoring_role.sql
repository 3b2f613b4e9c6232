-- The monitoring role GIAM_SAT (issue 20): a Prometheus scraper's account, system-wide, that reads only
-- /actuator/prometheus, /actuator/info and health details.
alter table account drop constraint account_role_check;
alter table account add constraint account_role_check
    check (role in ('TIEP_NHAN', 'KIEM_TRA', 'LUU_TRU', 'QUAN_TRI', 'API', 'GIAM_SAT'));
