-- Who submitted each evaluation (the token's name). Rows stored before access control have none.
ALTER TABLE evaluation ADD COLUMN submitted_by varchar(200);

-- Every write and every rejected write: who, with which roles and jurisdiction, did what to what, and how it ended.
CREATE TABLE audit_log (
    id           bigserial    PRIMARY KEY,
    at           timestamptz  NOT NULL,
    actor        varchar(200) NOT NULL,
    roles        varchar(200) NOT NULL,
    jurisdiction varchar(200),
    action       varchar(40)  NOT NULL,
    target       varchar(300),
    outcome      varchar(200) NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at);

-- Append-only: no endpoint changes it, and the database refuses to, whoever asks.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
