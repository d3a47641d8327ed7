-- Contact points (Anlaufstellen): an offer named as the place to go for
-- integration counselling for some target groups, in its service area
-- (the whole Kreis of its network, or a list of its municipalities).

CREATE TABLE contact_points (
    offer_id INTEGER PRIMARY KEY NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    target_groups TEXT NOT NULL,
    whole_kreis INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE contact_point_areas (
    offer_id INTEGER NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    municipality_key TEXT NOT NULL REFERENCES regions (key),
    PRIMARY KEY (offer_id, municipality_key)
);
CREATE INDEX contact_point_areas_municipality ON contact_point_areas (municipality_key);
