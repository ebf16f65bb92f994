-- Route planning (issue 14): when a plan last started solving (a first plan or a re-optimisation), so a
-- plan left SOLVING by a crash is recognised as stale after its time limit and a margin.
alter table route_plan add column solving_since timestamptz;
