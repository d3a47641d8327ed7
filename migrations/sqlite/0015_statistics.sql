-- Official statistics for the situation analysis: imported (or shipped)
-- tables and their observations. Keep in step with migrations/postgres.

-- One imported file. `sha256` makes a second import of the same bytes a
-- no-op; `measures` and `periods` are JSON lists written by the importer.
CREATE TABLE stat_datasets (
    id INTEGER PRIMARY KEY NOT NULL,
    source TEXT NOT NULL,
    table_code TEXT NOT NULL,
    title TEXT NOT NULL,
    format TEXT NOT NULL,
    measures TEXT NOT NULL,
    periods TEXT NOT NULL,
    licence TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    observations INTEGER NOT NULL,
    marks TEXT NOT NULL,
    imported_at INTEGER NOT NULL,
    imported_by TEXT NOT NULL,
    shipped INTEGER NOT NULL
);
CREATE INDEX stat_datasets_table ON stat_datasets (table_code);

-- One cell. `value` is NULL for every special mark but `-` (zero) and
-- the flags that travel with a number (`()`, p, r, s, e); `dims` is the
-- JSON list of [classifier code, classifier label, attribute code,
-- attribute label].
CREATE TABLE stat_observations (
    id INTEGER PRIMARY KEY NOT NULL,
    dataset_id INTEGER NOT NULL REFERENCES stat_datasets (id) ON DELETE CASCADE,
    table_code TEXT NOT NULL,
    region_key TEXT NOT NULL,
    period TEXT NOT NULL,
    measure TEXT NOT NULL,
    unit TEXT NOT NULL,
    dims TEXT NOT NULL,
    value REAL,
    mark TEXT
);
CREATE INDEX stat_observations_series ON stat_observations (table_code, region_key, period);
CREATE INDEX stat_observations_dataset ON stat_observations (dataset_id);

-- Cells a newer export of the same table replaced, kept for the record.
CREATE TABLE stat_observation_history (
    id INTEGER PRIMARY KEY NOT NULL,
    dataset_id INTEGER NOT NULL,
    replaced_by INTEGER NOT NULL,
    replaced_at INTEGER NOT NULL,
    table_code TEXT NOT NULL,
    region_key TEXT NOT NULL,
    period TEXT NOT NULL,
    measure TEXT NOT NULL,
    unit TEXT NOT NULL,
    dims TEXT NOT NULL,
    value REAL,
    mark TEXT
);
CREATE INDEX stat_observation_history_table ON stat_observation_history (table_code, region_key);

-- Region keys a table uses that the current geography no longer has
-- (Kreise before a boundary reform), with the name the table gave them.
CREATE TABLE stat_region_names (
    key TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL
);
