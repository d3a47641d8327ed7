-- An explicit link from a user account to the contact person it acts as
-- (minute taker, responsible for an action item), set by an administrator,
-- instead of matching e-mail addresses on every request. Existing member
-- accounts are linked once to the contact person of their organisation
-- with the same address; from then on only the link counts.
ALTER TABLE users ADD COLUMN person_id INTEGER REFERENCES people (id) ON DELETE SET NULL;
UPDATE users SET person_id = (
    SELECT MIN(p.id) FROM people p
    WHERE p.organization_id = users.organization_id AND lower(p.email) = lower(users.email)
) WHERE role = 'member' AND organization_id IS NOT NULL;
CREATE UNIQUE INDEX users_person ON users (person_id);
