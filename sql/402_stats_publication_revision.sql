-- A fiscal year's publication counts its runs: each `stats publish` of the
-- year adds one. The statistics worker keeps a facility's rendered table
-- and charts under a key that holds the revision (modules/core/fragment.h),
-- so a new publication is never hidden by a kept page, even one published
-- within the same second as the one before (published_at is in seconds).
ALTER TABLE stats_publication ADD COLUMN revision INT UNSIGNED NOT NULL DEFAULT 1;
