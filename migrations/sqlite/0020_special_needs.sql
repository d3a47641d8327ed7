-- Groups with special needs in a network's Kreis (unaccompanied minors,
-- women with small children, …): who they are, roughly how many, where
-- they live (the whole Kreis or some municipalities), where the estimate
-- comes from, and the offers of the network's directory that serve them.
-- A group without a published linked offer is a gap of the situation
-- analysis.
CREATE TABLE special_needs (
    id INTEGER PRIMARY KEY NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id),
    kind TEXT NOT NULL,
    -- The group in words when the kind is `other`.
    other_kind TEXT NOT NULL,
    age_from INTEGER,
    age_to INTEGER,
    estimated_size INTEGER,
    whole_kreis INTEGER NOT NULL,
    source TEXT NOT NULL,
    -- YYYY-MM-DD.
    estimated_on TEXT,
    notes TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX special_needs_network ON special_needs (network_id);

CREATE TABLE special_need_areas (
    need_id INTEGER NOT NULL REFERENCES special_needs (id) ON DELETE CASCADE,
    municipality_key TEXT NOT NULL REFERENCES regions (key),
    PRIMARY KEY (need_id, municipality_key)
);

CREATE TABLE special_need_offers (
    need_id INTEGER NOT NULL REFERENCES special_needs (id) ON DELETE CASCADE,
    offer_id INTEGER NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    PRIMARY KEY (need_id, offer_id)
);
CREATE INDEX special_need_offers_offer ON special_need_offers (offer_id);
