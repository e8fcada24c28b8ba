-- Staff who sign in to the web console with the embedded form sign-in (no identity provider configured).
-- Created by bin/firecheck user add; the password is a bcrypt hash in Modular Crypt Format ($2a$…), never the password.
CREATE TABLE console_user (
    name          varchar(200) PRIMARY KEY,
    password_hash varchar(100) NOT NULL,
    -- comma-separated, each one of the five roles (security/Roles)
    roles         varchar(200) NOT NULL,
    -- null: city-wide, as a token without the jurisdiction claim
    jurisdiction  varchar(200),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT console_user_jurisdiction_not_blank CHECK (jurisdiction IS NULL OR btrim(jurisdiction) <> '')
);
