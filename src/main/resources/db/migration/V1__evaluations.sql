-- One row per inspection document evaluated; inspection_id is the client's idempotency key.
CREATE TABLE evaluation (
    id               uuid        PRIMARY KEY,
    inspection_id    varchar(64) NOT NULL,
    building_id      varchar(64) NOT NULL,
    jurisdiction     varchar(200) NOT NULL,
    inspection_date  date        NOT NULL,
    classification   varchar(20) NOT NULL,
    rule_set_version varchar(80) NOT NULL,
    evaluated_at     timestamptz NOT NULL,
    document         jsonb       NOT NULL,
    result           jsonb       NOT NULL,
    CONSTRAINT evaluation_inspection_id_key UNIQUE (inspection_id)
);

CREATE INDEX evaluation_building_idx ON evaluation (building_id, inspection_date DESC, evaluated_at DESC);
CREATE INDEX evaluation_jurisdiction_idx ON evaluation (jurisdiction);
