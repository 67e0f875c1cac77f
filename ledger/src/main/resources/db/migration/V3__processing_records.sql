-- The per-track processing record the analytics read (issue 17): one row per track's first journey,
-- written when it publishes or when it ends rejected, failed or cancelled; its stage times and the
-- quality findings beside it. Plain SQL for PostgreSQL and H2 (MODE=PostgreSQL) alike.

-- outcome: PUBLISHED, REJECTED, FAILED or CANCELLED; reason_code is the typed failure (NotAudio,
-- OutputVerificationFailed, ...) of the three that are not PUBLISHED. CPU in milliseconds: the
-- activities' JVM threads and their ffmpeg children, summed from activity_costs when it is written.
CREATE TABLE processing_records (
  track_id          VARCHAR(100) PRIMARY KEY,
  outcome           VARCHAR(20)  NOT NULL
                    CHECK (outcome IN ('PUBLISHED', 'REJECTED', 'FAILED', 'CANCELLED')),
  reason_code       VARCHAR(100),
  started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  jvm_cpu_millis    BIGINT       NOT NULL CHECK (jvm_cpu_millis >= 0),
  ffmpeg_cpu_millis BIGINT       NOT NULL CHECK (ffmpeg_cpu_millis >= 0),
  quality_score     INTEGER,
  quality_tier      VARCHAR(40),
  bpm               DOUBLE PRECISION,
  musical_key       VARCHAR(40),
  duration_seconds  DOUBLE PRECISION,
  genre             VARCHAR(200)
);
CREATE INDEX processing_records_by_end ON processing_records (ended_at);

-- Wall time of each stage of the journey (the manifest's stageMillis), for the p50/p95; position
-- keeps the stages in the journey's order.
CREATE TABLE processing_stage_times (
  track_id VARCHAR(100) NOT NULL,
  stage    VARCHAR(60)  NOT NULL,
  position INTEGER      NOT NULL,
  millis   BIGINT       NOT NULL CHECK (millis >= 0),
  PRIMARY KEY (track_id, stage)
);

-- The quality report's findings of a published track, counted by code.
CREATE TABLE processing_findings (
  track_id    VARCHAR(100) NOT NULL,
  code        VARCHAR(100) NOT NULL,
  occurrences INTEGER      NOT NULL CHECK (occurrences > 0),
  PRIMARY KEY (track_id, code)
);

-- Every activity execution of a track's journey, as the worker that ran it measured it: the CPU
-- that a processing record sums, and each stage's cost for GET /v1/tracks/{id}/metrics.
CREATE TABLE activity_costs (
  cost_id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  track_id          VARCHAR(100) NOT NULL,
  activity_type     VARCHAR(100) NOT NULL,
  outcome           VARCHAR(20)  NOT NULL,
  started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  wall_millis       BIGINT       NOT NULL CHECK (wall_millis >= 0),
  jvm_cpu_millis    BIGINT       NOT NULL CHECK (jvm_cpu_millis >= 0),
  ffmpeg_cpu_millis BIGINT       NOT NULL CHECK (ffmpeg_cpu_millis >= 0)
);
CREATE INDEX activity_costs_by_track ON activity_costs (track_id);
