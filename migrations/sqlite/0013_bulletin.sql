-- The bulletin: posts of a network (regulations, funding calls, events,
-- good practice, news), their tags, registrations for events, the
-- network's moderation setting, and the subscriptions with the digests
-- and reminders sent for them.
--
-- A post's type-specific fields are kept as JSON in `details`; what lists,
-- feeds and the calendar filter or sort by has a column of its own
-- (event times, the funding deadline, expiry). `search_text` holds the
-- post's words folded and stemmed (German), for the full-text filter.
-- A supervisor's post to every network of her region is one row per
-- network, tied together by `group_key`.

CREATE TABLE posts (
    id INTEGER PRIMARY KEY NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    audience TEXT NOT NULL,
    pinned INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    details TEXT NOT NULL,
    tags TEXT NOT NULL,
    search_text TEXT NOT NULL,
    starts_at INTEGER,
    ends_at INTEGER,
    deadline_on TEXT,
    expires_on TEXT,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    group_key TEXT,
    published_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
-- The bulletin's order (pinned first, then newest), holding what decides
-- whether a post is current, so that lists and their counts read the index
-- alone.
CREATE INDEX posts_network_status ON posts (network_id, status, pinned, published_at, kind, audience, deadline_on, expires_on, starts_at, ends_at);
CREATE INDEX posts_network_starts ON posts (network_id, starts_at);
CREATE INDEX posts_network_deadline ON posts (network_id, deadline_on);
CREATE INDEX posts_group ON posts (group_key);

CREATE TABLE post_tags (
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (post_id, tag)
);
CREATE INDEX post_tags_tag ON post_tags (tag, post_id);

CREATE TABLE post_registrations (
    id INTEGER PRIMARY KEY NOT NULL,
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    waiting INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (post_id, user_id)
);

CREATE TABLE bulletin_settings (
    network_id INTEGER PRIMARY KEY NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    review_member_posts INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE bulletin_subscriptions (
    id INTEGER PRIMARY KEY NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    network_id INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    kinds TEXT NOT NULL,
    tags TEXT NOT NULL,
    frequency TEXT NOT NULL,
    lang TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (user_id, network_id)
);

-- One row per mail: a digest of a period, an immediate notice of a post or
-- a deadline reminder. The unique key lets exactly one process queue it.
-- Each mail carries its own unsubscribe link; only the hash of its token
-- is kept, and the link expires with the row's age.
CREATE TABLE bulletin_deliveries (
    id INTEGER PRIMARY KEY NOT NULL,
    subscription_id INTEGER NOT NULL REFERENCES bulletin_subscriptions (id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    covers_until INTEGER NOT NULL,
    items INTEGER NOT NULL,
    token_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (subscription_id, period)
);
CREATE UNIQUE INDEX bulletin_deliveries_token ON bulletin_deliveries (token_hash);
