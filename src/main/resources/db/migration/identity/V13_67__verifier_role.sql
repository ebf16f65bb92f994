-- A leader's helper at the pickup point (核销员, issue 13): the VERIFIER role.
alter table account_role drop constraint account_role_role_check;
alter table account_role add constraint account_role_role_check check (role in ('PLATFORM_ADMIN', 'OPERATOR', 'LEADER',
    'SUPPLIER', 'WAREHOUSE_STAFF', 'DRIVER', 'RESIDENT', 'VERIFIER'));
