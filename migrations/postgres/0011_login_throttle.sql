-- Login throttling by counters that are raised atomically before a
-- password is checked (so parallel guesses cannot all slip through), per
-- account and address, per address, and per account.
DROP TABLE login_attempts;
CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY NOT NULL,
    failures BIGINT NOT NULL,
    window_start BIGINT NOT NULL
);
