-- Freshness: a reminder to check an offer that has not been verified for a
-- while. One row per offer and verification it is about; the unique key
-- makes the periodic sweep idempotent even when two processes run it.

CREATE TABLE offer_reminders (
    id INTEGER PRIMARY KEY NOT NULL,
    offer_id INTEGER NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    verified_at INTEGER NOT NULL,
    sent_at INTEGER NOT NULL,
    recipients INTEGER NOT NULL,
    UNIQUE (offer_id, verified_at)
);
