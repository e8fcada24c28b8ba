-- Passes of the absent-field probe, shared by the instances of a cluster. The probe's verdict depends only on a
-- rule set's behaviour (its files without the wording of titles, basis and rectification) and on the build that
-- ran it, so an instance of the same build taking a set another instance accepted does not probe it again; it
-- still compiles and gates the set itself. Another build (a new image, another JVM) probes afresh.
CREATE TABLE rule_probe_pass (
    behaviour_key varchar(80)  NOT NULL,
    build         varchar(80)  NOT NULL,
    version       varchar(80)  NOT NULL,
    instance      varchar(200) NOT NULL,
    passed_at     timestamptz  NOT NULL,
    PRIMARY KEY (behaviour_key, build)
);
