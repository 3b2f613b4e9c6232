-- What the one who delivered a scan said about it (role, component) and who that was, carried by the planned
-- document to its record instead of being patched onto the document row afterwards. Rows planned before keep
-- what their version recorded: a submitted component of no known component; their deliverer is unknown.
alter table work_document
    add column role text not null default 'submitted' check (role in ('submitted', 'result')),
    add column component_code text,
    add column delivered_by text;
alter table document
    add column delivered_by text;
