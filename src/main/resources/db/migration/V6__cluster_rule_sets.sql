-- Every rule set accepted in the cluster (compiled and past the fixture gate), with its files. The newest row
-- is the set every instance serves; an instance that starts or hears of a new row compiles and gates it itself.
CREATE TABLE rule_set (
    id         bigserial    PRIMARY KEY,
    version    varchar(80)  NOT NULL,
    files      jsonb        NOT NULL,
    rule_count integer      NOT NULL,
    loaded_by  varchar(200) NOT NULL,
    loaded_at  timestamptz  NOT NULL,
    instance   varchar(200) NOT NULL
);
CREATE INDEX rule_set_version_idx ON rule_set (version);

-- Which instance made each attempt: with several instances, one may fail to take a set the others serve.
ALTER TABLE rule_reload ADD COLUMN instance varchar(200);
