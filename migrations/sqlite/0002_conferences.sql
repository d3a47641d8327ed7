-- Conferences: the meeting series of a network (rhythm, rotating organiser),
-- meetings, the date poll, personal links for people without an account and
-- registrations. Erasing a person (GDPR) or deleting an organisation removes
-- their answers, links and rotation places with them.

CREATE TABLE meeting_series (
    id INTEGER PRIMARY KEY NOT NULL,
    network_id INTEGER NOT NULL UNIQUE REFERENCES networks (id),
    rhythm_months INTEGER NOT NULL DEFAULT 6,
    default_location TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL
);

CREATE TABLE series_rotation (
    id INTEGER PRIMARY KEY NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id),
    position INTEGER NOT NULL,
    organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    UNIQUE (network_id, organization_id)
);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id),
    title TEXT NOT NULL,
    starts_at INTEGER,
    ends_at INTEGER,
    location TEXT NOT NULL,
    online_url TEXT NOT NULL,
    organizer_organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    state TEXT NOT NULL,
    is_public INTEGER NOT NULL,
    ics_uid TEXT NOT NULL UNIQUE,
    ics_sequence INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX meetings_network ON meetings (network_id, starts_at);

CREATE TABLE poll_options (
    id INTEGER PRIMARY KEY NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL
);
CREATE INDEX poll_options_meeting ON poll_options (meeting_id);

CREATE TABLE poll_answers (
    id INTEGER PRIMARY KEY NOT NULL,
    option_id INTEGER NOT NULL REFERENCES poll_options (id),
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    answer TEXT NOT NULL,
    answered_at INTEGER NOT NULL,
    UNIQUE (option_id, person_id)
);
CREATE INDEX poll_answers_person ON poll_answers (person_id);

CREATE TABLE personal_links (
    id INTEGER PRIMARY KEY NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX personal_links_meeting ON personal_links (meeting_id, person_id);

CREATE TABLE rsvps (
    id INTEGER PRIMARY KEY NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    response TEXT NOT NULL,
    answered_at INTEGER NOT NULL,
    UNIQUE (meeting_id, person_id)
);
CREATE INDEX rsvps_person ON rsvps (person_id);
