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

-- Joint projects: proposed by any member, accepted by the coordinator;
-- sub-projects one level deep whose weighted progress rolls up into the
-- parent (as Decidim's accountability does).
CREATE TABLE projects (
    id INTEGER PRIMARY KEY NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id),
    parent_id INTEGER REFERENCES projects (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    goal TEXT NOT NULL,
    description TEXT NOT NULL,
    fields TEXT NOT NULL,
    target_groups TEXT NOT NULL,
    starts_on TEXT,
    ends_on TEXT,
    status TEXT NOT NULL,
    progress INTEGER NOT NULL,
    weight INTEGER NOT NULL,
    is_public INTEGER NOT NULL,
    -- proposed, accepted or declined
    state TEXT NOT NULL,
    proposer_organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    proposed_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX projects_network ON projects (network_id, parent_id);

CREATE TABLE project_partners (
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    -- lead, partner or funder
    role TEXT NOT NULL,
    PRIMARY KEY (project_id, organization_id)
);

CREATE TABLE project_milestones (
    id INTEGER PRIMARY KEY NOT NULL,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    due_on TEXT NOT NULL,
    done INTEGER NOT NULL,
    note TEXT NOT NULL
);
CREATE INDEX project_milestones_project ON project_milestones (project_id);

CREATE TABLE project_funding (
    id INTEGER PRIMARY KEY NOT NULL,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    programme TEXT NOT NULL,
    funder TEXT NOT NULL,
    -- eu, bund, land, kommune or foundation
    level TEXT NOT NULL,
    -- euro cents
    amount_cents INTEGER NOT NULL,
    period_from TEXT,
    period_until TEXT,
    -- planned, submitted, approved, rejected
    application_status TEXT NOT NULL,
    deadline TEXT
);
CREATE INDEX project_funding_project ON project_funding (project_id);

-- A network's own list of statuses, each with its default progress; a
-- network without rows uses the built-in list (idea, planned, running,
-- finished).
CREATE TABLE project_statuses (
    network_id INTEGER NOT NULL REFERENCES networks (id),
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    default_progress INTEGER NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (network_id, code)
);

-- The timeline of a project: every change, with the values it set.
CREATE TABLE project_history (
    id INTEGER PRIMARY KEY NOT NULL,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX project_history_project ON project_history (project_id, at);

-- Concerns (Anliegen) the network carries to politics and administration:
-- draft -> on_agenda (an item on a meeting's agenda) -> agreed (with the
-- decision) / rejected / postponed -> submitted (date, reference) ->
-- answered (date, text) -> closed; withdrawn from any state before
-- submission.
CREATE TABLE concerns (
    id INTEGER PRIMARY KEY NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id),
    organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    addressee TEXT NOT NULL,
    justification TEXT NOT NULL,
    state TEXT NOT NULL,
    meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
    decision_id INTEGER REFERENCES decisions (id) ON DELETE SET NULL,
    submitted_on TEXT,
    reference TEXT NOT NULL,
    answered_on TEXT,
    answer TEXT NOT NULL,
    -- When the coordinators were reminded of a missing answer (once).
    reminded_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX concerns_network ON concerns (network_id, state);

CREATE TABLE concern_history (
    id INTEGER PRIMARY KEY NOT NULL,
    concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL
);
CREATE INDEX concern_history_concern ON concern_history (concern_id, at);
