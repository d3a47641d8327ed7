-- The responsibility matrix on the conference's agenda: an unconfirmed
-- cell proposed for the next meeting, naming the providers of the offers
-- that cover it. One row per proposal, so the matrix shows the cell as
-- proposed while the proposal is open.
CREATE TABLE responsibility_proposals (
    id INTEGER PRIMARY KEY NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id),
    -- NULL: the whole Kreis.
    municipality_key TEXT REFERENCES regions (key),
    field TEXT NOT NULL,
    target_group TEXT NOT NULL,
    proposal_id INTEGER NOT NULL REFERENCES agenda_proposals (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
);
CREATE INDEX responsibility_proposals_network ON responsibility_proposals (network_id);

-- A project's targets: an indicator of the situation analysis for a
-- region (the network's Kreis or one of its municipalities) with its
-- baseline, the value aimed at and the day (YYYY-MM-DD) to reach it.
CREATE TABLE project_targets (
    id INTEGER PRIMARY KEY NOT NULL,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    region_key TEXT NOT NULL REFERENCES regions (key),
    baseline REAL NOT NULL,
    target REAL NOT NULL,
    target_on TEXT NOT NULL
);
CREATE INDEX project_targets_project ON project_targets (project_id);

-- Action items of the network's conferences attached to a project.
CREATE TABLE project_actions (
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    action_item_id INTEGER NOT NULL REFERENCES action_items (id) ON DELETE CASCADE,
    attached_at INTEGER NOT NULL,
    PRIMARY KEY (project_id, action_item_id)
);
CREATE INDEX project_actions_action ON project_actions (action_item_id);

-- A funding source may name the funding call of the bulletin it answers.
ALTER TABLE project_funding ADD COLUMN funding_call_id INTEGER REFERENCES posts (id) ON DELETE SET NULL;
