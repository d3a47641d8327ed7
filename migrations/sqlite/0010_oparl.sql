-- OParl: whether a contact person agreed to be listed publicly (only those
-- appear in the open OParl interface), and the tombstones of public objects
-- that were deleted, so that OParl clients learn about the deletion
-- (`deleted: true`) instead of keeping a stale copy.

ALTER TABLE people ADD COLUMN is_public INTEGER NOT NULL DEFAULT 0;

-- object_type: organization, person, membership, meeting, agenda_item, file.
-- object_id is the id the object had in its own table; created_at is when
-- the object was created, deleted_at when it went away.
CREATE TABLE oparl_tombstones (
    id INTEGER PRIMARY KEY NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id),
    object_type TEXT NOT NULL,
    object_id INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER NOT NULL,
    UNIQUE (network_id, object_type, object_id)
);
CREATE INDEX oparl_tombstones_object ON oparl_tombstones (object_type, object_id);
