-- Issue 17 broker: the events this module's queue consumer applied (linli.events.broker=rabbitmq). A row is
-- written in the handler's transaction, so a message redelivered after a crash between commit and ack, or
-- republished from the event publication registry, finds its row and changes nothing. The event id is the
-- digest of the routing key and the message body (shared.events.EventInbox): the same event is the same id.
create table event_inbox (
    event_id     text        not null,
    consumer     text        not null,
    event_type   text        not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);
create index event_inbox_processed_at on event_inbox (processed_at);
