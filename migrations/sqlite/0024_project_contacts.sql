-- A project's contact person: someone of a member organisation whom the
-- network asks about the project. Internal (never on public pages), and
-- part of the person's GDPR export and erasure.
ALTER TABLE projects ADD COLUMN contact_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL;
