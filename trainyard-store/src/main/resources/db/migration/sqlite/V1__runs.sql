-- Trainyard workspace metadata, SQLite dialect. Times are epoch milliseconds.
-- Mutable rows (runs, step_runs) carry a version for optimistic locking.

CREATE TABLE experiments (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE,
  created_at  INTEGER NOT NULL
);

CREATE TABLE runs (
  id            TEXT    PRIMARY KEY,
  experiment_id INTEGER NOT NULL REFERENCES experiments(id),
  pipeline      TEXT    NOT NULL,
  spec_file     TEXT    NOT NULL,
  spec_sha256   TEXT,
  overrides     TEXT    NOT NULL DEFAULT '{}',
  status        TEXT    NOT NULL CHECK (status IN ('running','completed','failed','canceled')),
  seed          INTEGER NOT NULL,
  created_at    INTEGER NOT NULL,
  ended_at      INTEGER,
  owner_pid     INTEGER,
  owner_host    TEXT,
  version       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX runs_experiment ON runs(experiment_id, created_at);
CREATE INDEX runs_status ON runs(status);

CREATE TABLE step_runs (
  id            INTEGER PRIMARY KEY,
  run_id        TEXT    NOT NULL REFERENCES runs(id),
  name          TEXT    NOT NULL,
  status        TEXT    NOT NULL CHECK (status IN ('pending','running','completed','failed','skipped','canceled')),
  cache_key     TEXT,
  key_parts     TEXT,
  reused_from   INTEGER REFERENCES step_runs(id),
  seed          INTEGER,
  started_at    INTEGER,
  ended_at      INTEGER,
  duration_ms   INTEGER,
  error         TEXT,
  checkpoint    TEXT,
  version       INTEGER NOT NULL DEFAULT 0,
  UNIQUE (run_id, name)
);
CREATE INDEX step_runs_cache ON step_runs(cache_key, status);

CREATE TABLE attempts (
  id            INTEGER PRIMARY KEY,
  step_run_id   INTEGER NOT NULL REFERENCES step_runs(id),
  number        INTEGER NOT NULL,
  status        TEXT    NOT NULL CHECK (status IN ('running','succeeded','failed','timed_out','canceled','abandoned')),
  pid           INTEGER,
  exit_code     INTEGER,
  started_at    INTEGER NOT NULL,
  ended_at      INTEGER,
  log_sha256    TEXT,
  error         TEXT,
  UNIQUE (step_run_id, number)
);

CREATE TABLE artifacts (
  sha256      TEXT    PRIMARY KEY,
  kind        TEXT    NOT NULL CHECK (kind IN ('FILE','TREE')),
  size        INTEGER NOT NULL,
  files       INTEGER NOT NULL,
  created_at  INTEGER NOT NULL
);

-- Lineage: which step run consumed (in) and produced (out) which artifact or value.
CREATE TABLE step_io (
  step_run_id     INTEGER NOT NULL REFERENCES step_runs(id),
  direction       TEXT    NOT NULL CHECK (direction IN ('in','out')),
  name            TEXT    NOT NULL,
  artifact_sha256 TEXT    REFERENCES artifacts(sha256),
  value           TEXT,
  PRIMARY KEY (step_run_id, direction, name)
);
CREATE INDEX step_io_artifact ON step_io(artifact_sha256);

CREATE TABLE params (
  run_id       TEXT    NOT NULL REFERENCES runs(id),
  step_run_id  INTEGER REFERENCES step_runs(id),
  key          TEXT    NOT NULL,
  value        TEXT    NOT NULL
);
CREATE INDEX params_run ON params(run_id);

CREATE TABLE metrics (
  run_id       TEXT    NOT NULL REFERENCES runs(id),
  step_run_id  INTEGER REFERENCES step_runs(id),
  key          TEXT    NOT NULL,
  value        REAL    NOT NULL,
  step         INTEGER NOT NULL DEFAULT 0,
  ts           INTEGER NOT NULL
);
CREATE INDEX metrics_run ON metrics(run_id, key);

CREATE TABLE tags (
  run_id  TEXT NOT NULL REFERENCES runs(id),
  key     TEXT NOT NULL,
  value   TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
);
