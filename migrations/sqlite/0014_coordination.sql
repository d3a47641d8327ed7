-- Coordination: the responsibility matrix. An agreement names, for one cell
-- (a municipality of the network's Kreis or the whole Kreis, a field of
-- integration, a target group — the offers' vocabularies), the
-- organisations responsible and their role (lead, involved, informed), for
-- a period, optionally with the conference decision that agreed it.

CREATE TABLE responsibility_agreements (
    id INTEGER PRIMARY KEY NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id),
    -- NULL: the whole Kreis.
    municipality_key TEXT REFERENCES regions (key),
    field TEXT NOT NULL,
    target_group TEXT NOT NULL,
    -- YYYY-MM-DD; valid_until NULL: open-ended.
    valid_from TEXT NOT NULL,
    valid_until TEXT,
    decision_id INTEGER REFERENCES decisions (id) ON DELETE SET NULL,
    note TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX responsibility_agreements_cell ON responsibility_agreements (network_id, field, target_group);

CREATE TABLE responsibility_parties (
    agreement_id INTEGER NOT NULL REFERENCES responsibility_agreements (id) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (agreement_id, organization_id)
);
CREATE INDEX responsibility_parties_organization ON responsibility_parties (organization_id);
