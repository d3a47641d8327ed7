-- ikon schema, SQLite dialect. Keep in step with migrations/postgres:
-- a test compares both trees table by table and column by column.
-- Times are UNIX seconds (INTEGER); flags are 0/1 INTEGERs.

CREATE TABLE regions (
    key TEXT PRIMARY KEY NOT NULL,
    level TEXT NOT NULL,
    name TEXT NOT NULL,
    name_search TEXT NOT NULL,
    kind TEXT,
    parent_key TEXT,
    ars TEXT,
    population INTEGER,
    area_km2 REAL,
    lat REAL,
    lon REAL,
    postal_code TEXT
);
CREATE INDEX regions_parent ON regions (parent_key);
CREATE INDEX regions_name_search ON regions (name_search);

CREATE TABLE postal_codes (
    postal_code TEXT NOT NULL,
    municipality_key TEXT NOT NULL REFERENCES regions (key),
    place TEXT NOT NULL,
    PRIMARY KEY (postal_code, municipality_key, place)
);
CREATE INDEX postal_codes_municipality ON postal_codes (municipality_key);

-- Installation-wide values, e.g. which version of the shipped geography
-- data is loaded.
CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE networks (
    id INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    region_key TEXT NOT NULL UNIQUE REFERENCES regions (key),
    description TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE organizations (
    id INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    name_search TEXT NOT NULL,
    category TEXT NOT NULL,
    street TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    website TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX organizations_name_search ON organizations (name_search);

CREATE TABLE memberships (
    id INTEGER PRIMARY KEY NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id),
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    created_at INTEGER NOT NULL,
    UNIQUE (network_id, organization_id)
);
CREATE INDEX memberships_organization ON memberships (organization_id);

CREATE TABLE people (
    id INTEGER PRIMARY KEY NOT NULL,
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    name TEXT NOT NULL,
    function TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX people_organization ON people (organization_id);

CREATE TABLE users (
    id INTEGER PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    network_id INTEGER REFERENCES networks (id),
    organization_id INTEGER REFERENCES organizations (id),
    region_key TEXT REFERENCES regions (key),
    disabled INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE one_time_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    purpose TEXT NOT NULL,
    user_id INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);

CREATE TABLE login_attempts (
    id INTEGER PRIMARY KEY NOT NULL,
    account TEXT NOT NULL,
    ip TEXT NOT NULL,
    at INTEGER NOT NULL,
    success INTEGER NOT NULL
);
CREATE INDEX login_attempts_account ON login_attempts (account, at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY NOT NULL,
    at INTEGER NOT NULL,
    actor_id INTEGER,
    actor TEXT NOT NULL,
    network_id INTEGER,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    action TEXT NOT NULL,
    before_data TEXT,
    after_data TEXT
);
CREATE INDEX audit_log_network ON audit_log (network_id, at);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE TABLE jobs (
    id INTEGER PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    run_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    max_attempts INTEGER NOT NULL,
    last_error TEXT,
    locked_until INTEGER,
    done_at INTEGER,
    failed_at INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX jobs_due ON jobs (done_at, run_at);
