-- Concerns grow what submitting and answering them needs: the member
-- organisations that support one (named on its page and its letter), the
-- contact person to ask about it, the letter PDF generated at submission
-- (kept under its SHA-256 like agenda attachments, with the SHA-512 that
-- OParl publishes), the answer's document, and each network's choice to
-- publish its submitted concerns.

CREATE TABLE concern_supporters (
    id INTEGER PRIMARY KEY NOT NULL,
    concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX concern_supporters_unique ON concern_supporters (concern_id, organization_id);

ALTER TABLE concerns ADD COLUMN contact_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL;
ALTER TABLE concerns ADD COLUMN letter_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE concerns ADD COLUMN letter_sha512 TEXT NOT NULL DEFAULT '';
ALTER TABLE concerns ADD COLUMN letter_size INTEGER NOT NULL DEFAULT 0;
ALTER TABLE concerns ADD COLUMN answer_file_name TEXT NOT NULL DEFAULT '';
ALTER TABLE concerns ADD COLUMN answer_mime_type TEXT NOT NULL DEFAULT '';
ALTER TABLE concerns ADD COLUMN answer_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE concerns ADD COLUMN answer_sha512 TEXT NOT NULL DEFAULT '';
ALTER TABLE concerns ADD COLUMN answer_size INTEGER NOT NULL DEFAULT 0;
ALTER TABLE concerns ADD COLUMN answer_uploaded_at INTEGER;

-- A network publishes its submitted concerns (list and page for anonymous
-- readers, OParl papers) only when it chose to.
CREATE TABLE concern_publication (
    network_id INTEGER PRIMARY KEY NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    publish_submitted INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
