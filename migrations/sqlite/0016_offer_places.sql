-- Several places per offer, and a service area for every offer.
--
-- A counselling service with office hours in three towns is one offer
-- with three places, each with its own address, coordinates, room,
-- opening hours and accessibility. The service area (the whole Kreis or
-- some of its municipalities) used to belong to contact points only; it
-- now belongs to every offer, and a contact point reads its offer's.
-- Keep in step with migrations/postgres.

CREATE TABLE offer_places (
    id INTEGER PRIMARY KEY NOT NULL,
    offer_id INTEGER NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    street TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    municipality_key TEXT,
    lat REAL,
    lon REAL,
    room TEXT NOT NULL,
    opening_hours TEXT NOT NULL,
    wheelchair INTEGER NOT NULL,
    accessibility_note TEXT NOT NULL,
    UNIQUE (offer_id, position)
);
CREATE INDEX offer_places_municipality ON offer_places (municipality_key);

-- Every existing offer with a place keeps it as its one place (an offer
-- without any address, room or hours had none to keep); the offer's
-- accessibility becomes the place's.
INSERT INTO offer_places (offer_id, position, street, postal_code, municipality_key, lat, lon,
    room, opening_hours, wheelchair, accessibility_note)
SELECT id, 0, street, postal_code, municipality_key, lat, lon, room, opening_hours, wheelchair,
    accessibility_note
FROM offers
WHERE street <> '' OR postal_code <> '' OR municipality_key IS NOT NULL OR lat IS NOT NULL
   OR room <> '' OR opening_hours <> '' OR accessibility_note <> '';

CREATE TABLE offer_areas (
    offer_id INTEGER NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    municipality_key TEXT NOT NULL REFERENCES regions (key),
    PRIMARY KEY (offer_id, municipality_key)
);
CREATE INDEX offer_areas_municipality ON offer_areas (municipality_key);

ALTER TABLE offers ADD COLUMN whole_kreis INTEGER NOT NULL DEFAULT 0;

-- A contact point's area becomes its offer's; any other offer serves the
-- municipality of its place.
UPDATE offers SET whole_kreis = 1
WHERE id IN (SELECT offer_id FROM contact_points WHERE whole_kreis = 1);
INSERT INTO offer_areas (offer_id, municipality_key)
SELECT offer_id, municipality_key FROM contact_point_areas;
INSERT INTO offer_areas (offer_id, municipality_key)
SELECT o.id, o.municipality_key FROM offers o
WHERE o.municipality_key IS NOT NULL AND o.whole_kreis = 0
  AND o.id NOT IN (SELECT offer_id FROM contact_point_areas)
  AND o.municipality_key IN (SELECT key FROM regions WHERE level = 'municipality');

DROP TABLE contact_point_areas;
ALTER TABLE contact_points DROP COLUMN whole_kreis;

-- The place now lives in offer_places; `wheelchair` stays on the offer as
-- "at least one place is step-free", the search filter's question.
ALTER TABLE offers DROP COLUMN street;
ALTER TABLE offers DROP COLUMN postal_code;
ALTER TABLE offers DROP COLUMN municipality_key;
ALTER TABLE offers DROP COLUMN lat;
ALTER TABLE offers DROP COLUMN lon;
ALTER TABLE offers DROP COLUMN room;
ALTER TABLE offers DROP COLUMN opening_hours;
ALTER TABLE offers DROP COLUMN accessibility_note;
