-- Supervision orders (挂牌督办): at most one not-CLOSED order per building, enforced here.
CREATE SEQUENCE supervision_order_number_seq;

CREATE TABLE supervision_order (
    id                      uuid         PRIMARY KEY,
    number                  varchar(32)  NOT NULL UNIQUE,
    building_id             varchar(64)  NOT NULL,
    building_name           varchar(200),
    jurisdiction            varchar(200) NOT NULL,
    status                  varchar(24)  NOT NULL,
    determination           jsonb        NOT NULL,
    hazards                 jsonb        NOT NULL,
    last_inspection_date    date         NOT NULL,
    opened_at               timestamptz  NOT NULL,
    due_date                date         NOT NULL,
    escalated_at            timestamptz,
    closed_at               timestamptz,
    responsible_unit        varchar(200),
    responsible_person      varchar(200),
    rectification_plan      text,
    measures                text,
    funding                 text,
    interim_safety_measures text,
    version                 integer      NOT NULL DEFAULT 0,
    CONSTRAINT supervision_order_status_check
        CHECK (status IN ('OPEN', 'RECTIFYING', 'PENDING_ACCEPTANCE', 'CLOSED'))
);

CREATE UNIQUE INDEX supervision_order_one_open_per_building
    ON supervision_order (building_id) WHERE status <> 'CLOSED';
CREATE INDEX supervision_order_jurisdiction_idx ON supervision_order (jurisdiction, status);
CREATE INDEX supervision_order_due_idx ON supervision_order (due_date) WHERE status <> 'CLOSED';

-- The evaluations that opened, updated or re-inspected an order.
CREATE TABLE supervision_order_evaluation (
    order_id      uuid        NOT NULL REFERENCES supervision_order (id),
    evaluation_id uuid        NOT NULL REFERENCES evaluation (id),
    role          varchar(24) NOT NULL,
    linked_at     timestamptz NOT NULL,
    PRIMARY KEY (order_id, evaluation_id)
);

-- Every hazard list the order has had, newest last.
CREATE TABLE supervision_order_hazard_history (
    id            bigserial   PRIMARY KEY,
    order_id      uuid        NOT NULL REFERENCES supervision_order (id),
    evaluation_id uuid        NOT NULL REFERENCES evaluation (id),
    hazards       jsonb       NOT NULL,
    recorded_at   timestamptz NOT NULL
);

-- Every status change and escalation: who, when, why.
CREATE TABLE supervision_order_event (
    id          bigserial    PRIMARY KEY,
    order_id    uuid         NOT NULL REFERENCES supervision_order (id),
    from_status varchar(24),
    to_status   varchar(24),
    kind        varchar(24)  NOT NULL,
    actor       varchar(200) NOT NULL,
    note        text,
    at          timestamptz  NOT NULL
);
CREATE INDEX supervision_order_event_order_idx ON supervision_order_event (order_id, id);
