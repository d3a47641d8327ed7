-- A bulletin post's files, an event's report and good practice shared
-- across a region. Keep in step with migrations/postgres.

-- Files attached to a post: documents for everyone who reads the post,
-- and the photos of an event's report, each with a description for
-- readers who do not see it. The bytes live on disk by SHA-256, as the
-- agenda's files do.
CREATE TABLE post_files (
    id INTEGER PRIMARY KEY NOT NULL,
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    file_name TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    description TEXT NOT NULL,
    uploaded_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX post_files_post ON post_files (post_id, id);

-- The short report after an event, one per event.
CREATE TABLE post_reports (
    post_id INTEGER PRIMARY KEY NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- A good-practice post a supervisor shared with the other networks of her
-- region: each copy remembers its original.
CREATE TABLE post_shares (
    copy_id INTEGER PRIMARY KEY NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    shared_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    shared_at INTEGER NOT NULL
);
CREATE INDEX post_shares_source ON post_shares (source_id);
