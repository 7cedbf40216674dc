-- Parallel steps: one row per finished mini-batch of a step run, written in the same transaction
-- that records its outputs, so a resumed step continues from the mini-batches not yet done.
CREATE TABLE mini_batches (
  step_run_id  INTEGER NOT NULL REFERENCES step_runs(id),
  idx          INTEGER NOT NULL,
  status       TEXT    NOT NULL CHECK (status IN ('succeeded','failed')),
  items        INTEGER NOT NULL,
  attempts     INTEGER NOT NULL,
  outputs      TEXT,
  rows_sha256  TEXT,
  log_sha256   TEXT,
  error        TEXT,
  ended_at     INTEGER NOT NULL,
  PRIMARY KEY (step_run_id, idx)
);
