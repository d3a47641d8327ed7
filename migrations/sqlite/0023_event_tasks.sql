-- An event's planning tasks are action items too: they stand on the
-- network's action board beside the conferences' items. An action item
-- now comes either from an agenda item or from an event post, never both.
-- Keep in step with migrations/postgres.
--
-- SQLite cannot drop a NOT NULL constraint, so the table is rebuilt (its
-- documentation: ALTER TABLE, "other kinds of table schema changes").
-- Foreign keys cannot be switched off inside the migration's transaction,
-- and dropping the old table deletes its rows first, cascading to the
-- progress updates and project links: those are kept aside and put back.
-- The references to `action_items` in their tables resolve to the new
-- table once it carries the name.
CREATE TEMPORARY TABLE kept_action_updates AS SELECT * FROM action_updates;
CREATE TEMPORARY TABLE kept_project_actions AS SELECT * FROM project_actions;
CREATE TABLE action_items_rebuilt (
    id INTEGER PRIMARY KEY NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id),
    agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE CASCADE,
    post_id INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    decision_id INTEGER REFERENCES decisions (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    responsible_organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    responsible_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
    due_on TEXT,
    status TEXT NOT NULL,
    progress INTEGER NOT NULL,
    reminded_due_at INTEGER,
    reminded_overdue_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT action_items_origin CHECK ((agenda_item_id IS NULL) <> (post_id IS NULL))
);
INSERT INTO action_items_rebuilt (id, network_id, agenda_item_id, decision_id, title,
    responsible_organization_id, responsible_person_id, due_on, status, progress,
    reminded_due_at, reminded_overdue_at, created_at, updated_at)
SELECT id, network_id, agenda_item_id, decision_id, title,
    responsible_organization_id, responsible_person_id, due_on, status, progress,
    reminded_due_at, reminded_overdue_at, created_at, updated_at
FROM action_items;
DROP TABLE action_items;
ALTER TABLE action_items_rebuilt RENAME TO action_items;
CREATE INDEX action_items_network ON action_items (network_id, status, due_on);
CREATE INDEX action_items_item ON action_items (agenda_item_id);
CREATE INDEX action_items_organization ON action_items (responsible_organization_id);
CREATE INDEX action_items_person ON action_items (responsible_person_id);
CREATE INDEX action_items_post ON action_items (post_id);
INSERT INTO action_updates SELECT * FROM kept_action_updates;
INSERT INTO project_actions SELECT * FROM kept_project_actions;
DROP TABLE kept_action_updates;
DROP TABLE kept_project_actions;
