-- A message's title and body as message codes with arguments, put into words in the reader's language
-- when read (title and body stay, in the platform's language, for SMS and for messages written before).
-- text_key names <key>.title and <key>.body of the notification bundle; the arguments are JSON arrays of
-- strings, or of objects for a text of its own ({"key", "args"}), a date ({"date"}), a date and time
-- ({"dateTime"}) or a list ({"join", "separator", "more"}).
alter table message add column text_key   varchar(80);
alter table message add column title_args jsonb;
alter table message add column body_args  jsonb;
alter table message add constraint message_text_args
    check ((text_key is null) = (title_args is null) and (text_key is null) = (body_args is null));
