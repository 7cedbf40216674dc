-- Code snapshots (the folder a step's `code:` names, stored as a tree object and named by hash in
-- its step run's key_parts as "code") get a file index like folder artifacts' tree_files, so
-- `lineage --file` finds the runs whose code held a file. Which snapshots exist is kept by
-- triggers, whoever writes key_parts; their files (code_files) are indexed before a lineage query,
-- as folder artifacts' are.
CREATE TABLE code_snapshots (
  sha256 TEXT PRIMARY KEY,
  -- 0: not yet in tree_files; 1: indexed; 2: its manifest is missing or damaged
  indexed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX code_snapshots_unindexed ON code_snapshots(indexed) WHERE indexed = 0;

CREATE TABLE code_files (
  code_sha256 TEXT NOT NULL REFERENCES code_snapshots(sha256),
  path        TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  PRIMARY KEY (code_sha256, path)
);
CREATE INDEX code_files_file ON code_files(file_sha256);

INSERT OR IGNORE INTO code_snapshots (sha256)
  SELECT DISTINCT json_extract(key_parts, '$.code') FROM step_runs
  WHERE json_valid(key_parts) AND length(json_extract(key_parts, '$.code')) = 64;

CREATE TRIGGER step_runs_code_insert AFTER INSERT ON step_runs
  WHEN json_valid(NEW.key_parts) AND length(json_extract(NEW.key_parts, '$.code')) = 64
BEGIN
  INSERT OR IGNORE INTO code_snapshots (sha256) VALUES (json_extract(NEW.key_parts, '$.code'));
END;

CREATE TRIGGER step_runs_code_update AFTER UPDATE OF key_parts ON step_runs
  WHEN json_valid(NEW.key_parts) AND length(json_extract(NEW.key_parts, '$.code')) = 64
BEGIN
  INSERT OR IGNORE INTO code_snapshots (sha256) VALUES (json_extract(NEW.key_parts, '$.code'));
END;

-- The step runs that ran a snapshot, found by its hash without reading every step run.
CREATE INDEX step_runs_code ON step_runs(json_extract(key_parts, '$.code')) WHERE json_valid(key_parts);
