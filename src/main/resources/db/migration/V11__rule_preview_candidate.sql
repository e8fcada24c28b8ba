-- What a preview compared, kept so that applying it applies exactly those files (issue #14): the candidate's
-- files by relative name, and for a change of thresholds made on the Rules page, each name with its old
-- and new value. Null for previews made before this migration; those cannot be applied.
ALTER TABLE rule_preview ADD COLUMN candidate_files jsonb;
ALTER TABLE rule_preview ADD COLUMN threshold_changes jsonb;
