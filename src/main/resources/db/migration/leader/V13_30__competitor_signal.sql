-- Competitor signals an operator records about a leader (a rival platform recruited them, posts in their community
-- chat, offers a higher commission): one of the parts of the leader's churn-risk score while recent. The account
-- id belongs to identity (no cross-schema reference).
create table competitor_signal (
    id          bigint generated always as identity primary key,
    leader_id   bigint       not null references leader (id),
    note        varchar(200) not null check (length(trim(note)) > 0),
    recorded_at timestamptz  not null,
    recorded_by bigint
);
create index competitor_signal_leader on competitor_signal (leader_id, recorded_at desc);
