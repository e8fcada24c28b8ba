-- Every attempt to load a rule set: at startup, through the API or by the folder watch.
CREATE TABLE rule_reload (
    id               bigserial    PRIMARY KEY,
    at               timestamptz  NOT NULL,
    actor            varchar(200) NOT NULL,
    outcome          varchar(20)  NOT NULL,
    version          varchar(80),
    previous_version varchar(80),
    rule_count       integer,
    files            jsonb,
    errors           jsonb        NOT NULL DEFAULT '[]'::jsonb,
    failing_fixtures jsonb        NOT NULL DEFAULT '[]'::jsonb
);
