-- The situation analysis as a network's own report: a coordinator's
-- commentary per indicator, and one current report per network (its
-- title, introduction and chosen indicators) that may be published for
-- anonymous readers.
CREATE TABLE situation_commentaries (
    network_id BIGINT NOT NULL REFERENCES networks (id),
    -- An indicator code of the catalogue.
    indicator TEXT NOT NULL,
    -- Markdown, rendered sanitised.
    body TEXT NOT NULL,
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (network_id, indicator)
);

CREATE TABLE situation_reports (
    network_id BIGINT PRIMARY KEY NOT NULL REFERENCES networks (id),
    title TEXT NOT NULL,
    introduction TEXT NOT NULL,
    -- Indicator codes separated by commas, in catalogue order.
    indicators TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- NULL while the report is internal.
    published_at BIGINT,
    published_by BIGINT REFERENCES users (id) ON DELETE SET NULL
);
