-- Seeing all agencies is an explicit right of an account, never the absence of an agency (issue 20): the
-- accounts that had no agency were the system-wide ones. Failed sign-ins lock an account for a while.
alter table account add column all_agencies boolean not null default false;
update account set all_agencies = true where agency_id is null;
-- an account is system-wide or in an agency, never neither
alter table account add constraint account_all_agencies_or_agency check (all_agencies or agency_id is not null);

alter table account add column failed_signins int not null default 0;
alter table account add column locked_until timestamptz;

alter table api_token add column last_used_at timestamptz;
