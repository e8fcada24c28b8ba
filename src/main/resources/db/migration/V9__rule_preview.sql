-- Rule-change impact previews (POST /api/v1/rules/preview): one row per job. The instance that took the
-- request runs it and writes its progress here, so a poll that reaches any instance behind the load
-- balancer reads the same state. Nothing of the evaluation tables is written by a preview.
CREATE TABLE rule_preview (
    id                uuid         PRIMARY KEY,
    requested_by      varchar(200) NOT NULL,
    -- the jurisdiction the caller's token is limited to (null: city-wide) and the one asked for (null: all)
    caller_scope      varchar(200),
    jurisdiction      varchar(200),
    source            varchar(10)  NOT NULL,
    candidate_version varchar(80)  NOT NULL,
    active_version    varchar(80)  NOT NULL,
    instance          varchar(200) NOT NULL,
    status            varchar(10)  NOT NULL,
    done              integer      NOT NULL DEFAULT 0,
    total             integer,
    started_at        timestamptz  NOT NULL,
    -- written with each progress step: a RUNNING job whose instance stopped is recognised by its silence
    updated_at        timestamptz  NOT NULL,
    finished_at       timestamptz,
    result            jsonb,
    problem           text
);
CREATE INDEX rule_preview_started_idx ON rule_preview (started_at);
