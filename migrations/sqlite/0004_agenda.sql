-- The agenda of a meeting: numbered items in their order, each with an
-- optional proposing organisation. Deleting a meeting removes its agenda;
-- removing an organisation keeps the item without its proposer.

CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    proposer_organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    duration_minutes INTEGER NOT NULL,
    is_public INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);
CREATE INDEX agenda_items_proposer ON agenda_items (proposer_organization_id);
