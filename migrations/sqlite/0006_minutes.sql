-- After the invitation: who chairs and who takes the minutes, files attached
-- to agenda items, items proposed by members, attendance, the minutes per
-- agenda item with their decisions, and the action items that follow from
-- them with the history of every progress update.
--
-- Meeting states grow by 'minutes_approved'; the minutes themselves go
-- draft -> circulated -> approved (meetings.minutes_state, '' before any).

ALTER TABLE meetings ADD COLUMN chair_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL;
ALTER TABLE meetings ADD COLUMN minute_taker_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL;
ALTER TABLE meetings ADD COLUMN minutes_state TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN minutes_approved_at INTEGER;
ALTER TABLE meetings ADD COLUMN reminder_sent_at INTEGER;

-- Whether approved minutes are public (else only for the network's members).
ALTER TABLE meeting_series ADD COLUMN minutes_public INTEGER NOT NULL DEFAULT 0;

-- Uploaded files. The bytes live in <data_dir>/files/<sha256>; the row keeps
-- both checksums so OParl's sha512Checksum needs no re-read.
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id),
    agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
    file_name TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    sha512 TEXT NOT NULL,
    is_public INTEGER NOT NULL,
    uploaded_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER
);
CREATE INDEX attachments_item ON attachments (agenda_item_id);
CREATE INDEX attachments_network ON attachments (network_id);

-- An item a member proposes for the agenda; the coordinator accepts it (it
-- becomes an agenda item) or declines it with a reason.
CREATE TABLE agenda_proposals (
    id INTEGER PRIMARY KEY NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    proposed_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    state TEXT NOT NULL,
    decision_note TEXT NOT NULL,
    agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX agenda_proposals_meeting ON agenda_proposals (meeting_id, state);

-- Who was there: one row per person (and the organisation they came for).
CREATE TABLE attendance (
    id INTEGER PRIMARY KEY NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    present INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    UNIQUE (meeting_id, person_id)
);
CREATE INDEX attendance_person ON attendance (person_id);

-- The minutes of one agenda item.
CREATE TABLE item_minutes (
    agenda_item_id INTEGER PRIMARY KEY NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    notes TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- Comments members leave on circulated minutes.
CREATE TABLE minutes_comments (
    id INTEGER PRIMARY KEY NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX minutes_comments_meeting ON minutes_comments (meeting_id);

CREATE TABLE decisions (
    id INTEGER PRIMARY KEY NOT NULL,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    votes_yes INTEGER,
    votes_no INTEGER,
    votes_abstain INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX decisions_item ON decisions (agenda_item_id, position);

-- What has to happen, who does it, by when. Status: open, in_progress,
-- done, dropped. network_id is denormalised for the action board.
CREATE TABLE action_items (
    id INTEGER PRIMARY KEY NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id),
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    decision_id INTEGER REFERENCES decisions (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    responsible_organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    responsible_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
    due_on TEXT,
    status TEXT NOT NULL,
    progress INTEGER NOT NULL,
    reminded_due_at INTEGER,
    reminded_overdue_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX action_items_network ON action_items (network_id, status, due_on);
CREATE INDEX action_items_item ON action_items (agenda_item_id);
CREATE INDEX action_items_organization ON action_items (responsible_organization_id);
CREATE INDEX action_items_person ON action_items (responsible_person_id);

-- Every status/progress change of an action item, never rewritten.
CREATE TABLE action_updates (
    id INTEGER PRIMARY KEY NOT NULL,
    action_item_id INTEGER NOT NULL REFERENCES action_items (id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    status TEXT NOT NULL,
    progress INTEGER NOT NULL,
    comment TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX action_updates_item ON action_updates (action_item_id, created_at);

-- A personal calendar feed per user: the token's hash, replaceable.
CREATE TABLE calendar_feeds (
    user_id INTEGER PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);
