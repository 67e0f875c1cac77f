-- The ledger's tables. Plain SQL that PostgreSQL and H2 (MODE=PostgreSQL) both run unchanged; what
-- differs between them (the audit log's append-only trigger) is V2, a Java migration.

-- The licences as their workflows last reported them: a projection, replaced on every change.
-- formats and territories are comma-separated lists of names without commas (MP3_320, GB, WORLD).
CREATE TABLE licences (
  licence_id      VARCHAR(100)  PRIMARY KEY,
  track_id        VARCHAR(100)  NOT NULL,
  licensee        VARCHAR(200)  NOT NULL,
  formats         VARCHAR(1000) NOT NULL,
  territories     VARCHAR(2000) NOT NULL,
  starts_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  fee_minor_units BIGINT        NOT NULL,
  currency        VARCHAR(3)    NOT NULL,
  usage_type      VARCHAR(100)  NOT NULL,
  status          VARCHAR(20)   NOT NULL,
  granted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at        TIMESTAMP WITH TIME ZONE,
  end_reason      VARCHAR(2000)
);
CREATE INDEX licences_by_licensee ON licences (licensee, granted_at);
CREATE INDEX licences_by_track ON licences (track_id, granted_at);

-- Every copy handed to a licensee. No foreign key to licences: that projection is written by the
-- licence workflow's activities and may trail a delivery by a moment.
CREATE TABLE deliveries (
  delivery_id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  licence_id        VARCHAR(100) NOT NULL,
  licensee          VARCHAR(200) NOT NULL,
  track_id          VARCHAR(100) NOT NULL,
  format            VARCHAR(40)  NOT NULL,
  bytes             BIGINT       NOT NULL CHECK (bytes >= 0),
  sha256            CHAR(64)     NOT NULL,
  delivered_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  client_address    VARCHAR(200) NOT NULL,
  territory_claimed VARCHAR(20)
);
CREATE INDEX deliveries_by_licence ON deliveries (licence_id, delivered_at);
CREATE INDEX deliveries_by_time ON deliveries (delivered_at);

-- Append-only: each row carries the SHA-256 of the row before it (previous_sha256) and its own, over
-- its fields and previous_sha256 (AuditHash). sequence_no is 1, 2, 3, ... without gaps.
CREATE TABLE audit_log (
  sequence_no     BIGINT        PRIMARY KEY,
  occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  action          VARCHAR(60)   NOT NULL,
  actor           VARCHAR(200)  NOT NULL,
  licence_id      VARCHAR(100),
  track_id        VARCHAR(100),
  detail          VARCHAR(8000),
  previous_sha256 CHAR(64)      NOT NULL,
  sha256          CHAR(64)      NOT NULL
);

-- The chain's last link, one row. Writers lock it (SELECT ... FOR UPDATE) to append, which puts
-- concurrent writers (the gateway, the workers, the command line) in one order; verification
-- compares it with the log's end, so rows deleted from or added at the end are found too.
CREATE TABLE audit_chain_head (
  id            INTEGER  PRIMARY KEY CHECK (id = 1),
  last_sequence BIGINT   NOT NULL,
  last_sha256   CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_sequence, last_sha256)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
