-- An event's planning tasks are action items too: they stand on the
-- network's action board beside the conferences' items. An action item
-- now comes either from an agenda item or from an event post, never both.
-- Keep in step with migrations/sqlite.

ALTER TABLE action_items ALTER COLUMN agenda_item_id DROP NOT NULL;
ALTER TABLE action_items ADD COLUMN post_id BIGINT REFERENCES posts (id) ON DELETE CASCADE;
ALTER TABLE action_items ADD CONSTRAINT action_items_origin
    CHECK ((agenda_item_id IS NULL) <> (post_id IS NULL));
CREATE INDEX action_items_post ON action_items (post_id);
