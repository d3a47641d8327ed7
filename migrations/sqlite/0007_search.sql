-- Search: the change log every server process follows to keep its
-- full-text index of published offers current. One row per change of an
-- offer (or of what its index entry shows, e.g. the provider's name),
-- written in the same transaction as the change itself.

CREATE TABLE search_changes (
    id INTEGER PRIMARY KEY NOT NULL,
    offer_id INTEGER NOT NULL,
    changed_at INTEGER NOT NULL
);
CREATE INDEX search_changes_changed_at ON search_changes (changed_at);
