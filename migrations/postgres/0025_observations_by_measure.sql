-- Every read of observations names a table and one of its measures; the
-- series index (table, region, period) made a query for one measure of a
-- table with several (the Zensus's four, INKAR's dozens) read the cells of
-- all of them. Sums for a Land or Germany and the Gemeinde maps read this
-- one instead.
CREATE INDEX stat_observations_measure ON stat_observations (table_code, measure, region_key, period);
