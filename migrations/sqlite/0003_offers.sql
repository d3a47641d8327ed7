-- Offers: every integration offer of a network's member organisations, with
-- one place, its workflow status and translations of its texts. Deleting an
-- organisation removes its offers (and their translations) with it.

CREATE TABLE offers (
    id INTEGER PRIMARY KEY NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id),
    organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    field TEXT NOT NULL,
    offer_type TEXT NOT NULL,
    target_groups TEXT NOT NULL,
    age_min INTEGER,
    age_max INTEGER,
    languages TEXT NOT NULL,
    cost TEXT NOT NULL,
    cost_note TEXT NOT NULL,
    wheelchair INTEGER NOT NULL,
    accessibility_note TEXT NOT NULL,
    appointment INTEGER NOT NULL,
    booking_note TEXT NOT NULL,
    street TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    municipality_key TEXT,
    lat REAL,
    lon REAL,
    room TEXT NOT NULL,
    opening_hours TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    website TEXT NOT NULL,
    valid_from TEXT,
    valid_until TEXT,
    last_verified_at INTEGER,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX offers_network ON offers (network_id, status);
CREATE INDEX offers_organization ON offers (organization_id);

CREATE TABLE offer_translations (
    id INTEGER PRIMARY KEY NOT NULL,
    offer_id INTEGER NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    source_hash TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (offer_id, lang)
);
