-- Registries: data assets, models and components. A (kind, name, version) is immutable once
-- written; its content is an artifact (for a component: a tree of its YAML and code snapshot).
CREATE TABLE assets (
  id          INTEGER PRIMARY KEY,
  kind        TEXT    NOT NULL CHECK (kind IN ('data','model','component')),
  name        TEXT    NOT NULL,
  version     TEXT    NOT NULL,
  vnum        INTEGER,                      -- the version as a number when it is one, for @latest
  type        TEXT    NOT NULL,
  sha256      TEXT    NOT NULL REFERENCES artifacts(sha256),
  entry       TEXT,                         -- a component's YAML path inside its tree
  description TEXT,
  source      TEXT,                         -- a path, or RUN:STEP:OUTPUT
  run_id      TEXT    REFERENCES runs(id),
  step_run_id INTEGER REFERENCES step_runs(id),
  provenance  TEXT    NOT NULL DEFAULT '{}',
  created_at  INTEGER NOT NULL,
  UNIQUE (kind, name, version)
);
CREATE INDEX assets_sha ON assets(sha256);
CREATE INDEX assets_run ON assets(run_id);
CREATE INDEX assets_step_run ON assets(step_run_id);

CREATE TABLE asset_tags (
  asset_id INTEGER NOT NULL REFERENCES assets(id),
  key      TEXT    NOT NULL,
  value    TEXT    NOT NULL,
  PRIMARY KEY (asset_id, key)
);

-- Movable names for versions (N@champion); 'latest' is implicit and never stored.
CREATE TABLE aliases (
  kind       TEXT    NOT NULL,
  name       TEXT    NOT NULL,
  alias      TEXT    NOT NULL,
  asset_id   INTEGER NOT NULL REFERENCES assets(id),
  updated_at INTEGER NOT NULL,
  version    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, name, alias)
);

-- Which folder artifacts hold which file content: answers "what used this file?" by hash.
-- Filled from the tree manifests (artifacts.indexed says which trees are done).
CREATE TABLE tree_files (
  tree_sha256 TEXT NOT NULL REFERENCES artifacts(sha256),
  path        TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  PRIMARY KEY (tree_sha256, path)
);
CREATE INDEX tree_files_file ON tree_files(file_sha256);
ALTER TABLE artifacts ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0;

CREATE INDEX tags_key_value ON tags(key, value);
CREATE INDEX step_io_run ON step_io(step_run_id, direction);
