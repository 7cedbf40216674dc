-- Lineage queries walk step_io by artifact and direction (producers: 'out', consumers: 'in').
-- Covering, so a walk reads only the index; a widely used input (read by thousands of step runs)
-- does not slow the lookup of the one step run that produced it.
CREATE INDEX step_io_artifact_dir ON step_io(artifact_sha256, direction, step_run_id);

-- TreeIndex.catchUp runs before every lineage query and usually finds nothing to do: a partial
-- index keeps that check from scanning every artifact.
CREATE INDEX artifacts_unindexed ON artifacts(kind) WHERE indexed = 0;

-- 'latest' (the newest run) without sorting every run.
CREATE INDEX runs_created ON runs(created_at, id);
