-- The idempotency key inspection_id must not hide a different submission: a re-post is compared with the
-- stored document by a canonical hash. jsonb already fixes key order and spacing; nulls are stripped because
-- absent and null both mean "not inspected" (and a field added to the contract later is written as null).
-- IMMUTABLE so it can compute a generated column: the same jsonb always renders to the same text.
CREATE FUNCTION canonical_document_hash(d jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT encode(sha256(convert_to(jsonb_strip_nulls(d)::text, 'UTF8')), 'hex') $$;

-- Generated, so existing rows are backfilled by this statement and no insert can forget it.
ALTER TABLE evaluation
    ADD COLUMN document_hash text GENERATED ALWAYS AS (canonical_document_hash(document)) STORED;
