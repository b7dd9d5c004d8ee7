#include "store/Migrations.h"

namespace sextant::store {

const QByteArrayList &migrations()
{
    static const QByteArrayList all{
        // 1: sources, their versions, where they were found, failures, and
        // what the search index holds.
        R"SQL(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE sources (
  id              INTEGER PRIMARY KEY,
  current_version INTEGER,
  added_at        TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE TABLE versions (
  id            INTEGER PRIMARY KEY,
  source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL,
  content_hash  TEXT NOT NULL,
  format        TEXT NOT NULL,
  byte_size     INTEGER NOT NULL,
  original_path TEXT NOT NULL,
  object_path   TEXT NOT NULL,
  title         TEXT NOT NULL DEFAULT '',
  title_from    TEXT NOT NULL DEFAULT '',
  author        TEXT NOT NULL DEFAULT '',
  publisher     TEXT NOT NULL DEFAULT '',
  url           TEXT NOT NULL DEFAULT '',
  published     TEXT NOT NULL DEFAULT '',
  published_from TEXT NOT NULL DEFAULT '',
  text          TEXT NOT NULL,
  structure     TEXT NOT NULL,
  warnings      TEXT NOT NULL DEFAULT '',
  ingested_at   TEXT NOT NULL,
  UNIQUE (source_id, seq)
);
CREATE INDEX versions_by_hash ON versions(content_hash);
CREATE INDEX versions_by_source ON versions(source_id);
CREATE TABLE files (
  path       TEXT PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  version_id INTEGER NOT NULL,
  size       INTEGER NOT NULL,
  mtime_ns   INTEGER NOT NULL
);
CREATE INDEX files_by_source ON files(source_id);
CREATE TABLE failures (
  path     TEXT PRIMARY KEY,
  size     INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  reason   TEXT NOT NULL,
  at       TEXT NOT NULL
);
CREATE TABLE index_state (
  source_id  INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL
);
)SQL",
        // 2: what extraction found: entities, their mentions, facts (scores,
        // attributes, events) each with its version and character range, which
        // extractor produced them, and the user's corrections.
        R"SQL(
CREATE TABLE entities (
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL UNIQUE,
  kind       TEXT NOT NULL,
  name       TEXT NOT NULL,
  origin     TEXT NOT NULL,
  confidence REAL NOT NULL DEFAULT 1,
  parent     TEXT NOT NULL DEFAULT '',
  codename   TEXT NOT NULL DEFAULT ''
);
CREATE TABLE mentions (
  version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  entity_id  INTEGER NOT NULL REFERENCES entities(id),
  start      INTEGER NOT NULL,
  len        INTEGER NOT NULL,
  confidence REAL NOT NULL DEFAULT 1
);
CREATE INDEX mentions_by_version ON mentions(version_id);
CREATE INDEX mentions_by_entity ON mentions(entity_id);
CREATE TABLE facts (
  id         INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL,
  subject    INTEGER,
  attribute  TEXT NOT NULL DEFAULT '',
  object     INTEGER,
  value      TEXT NOT NULL DEFAULT '',
  number     REAL,
  low        REAL,
  high       REAL,
  unit       TEXT NOT NULL DEFAULT '',
  setting    TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  date       TEXT NOT NULL DEFAULT '',
  date_end   TEXT NOT NULL DEFAULT '',
  entities   TEXT NOT NULL DEFAULT '',
  title      TEXT NOT NULL DEFAULT '',
  openness   TEXT NOT NULL DEFAULT '',
  start      INTEGER NOT NULL,
  len        INTEGER NOT NULL
);
CREATE INDEX facts_by_version ON facts(version_id);
CREATE INDEX facts_by_subject ON facts(subject);
CREATE TABLE extraction_state (
  version_id INTEGER PRIMARY KEY REFERENCES versions(id) ON DELETE CASCADE,
  extractor  INTEGER NOT NULL
);
CREATE TABLE corrections (
  id     INTEGER PRIMARY KEY,
  at     TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  value  TEXT NOT NULL DEFAULT '',
  extra  TEXT NOT NULL DEFAULT '',
  undone INTEGER NOT NULL DEFAULT 0
);
)SQL",
        // 3: saved chart definitions (JSON), drawn again as new sources arrive.
        R"SQL(
CREATE TABLE charts (
  name       TEXT PRIMARY KEY,
  definition TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
)SQL",
        // 4: the user's annotations (W3C quote and position selectors, kept
        // when their passage is gone); sources moved to the trash keep their
        // version aside until restored or purged; versions count their
        // entities so the source list sorts by it; the list's default order.
        R"SQL(
CREATE TABLE annotations (
  id          TEXT PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  version_id  INTEGER NOT NULL,
  start       INTEGER NOT NULL,
  len         INTEGER NOT NULL,
  exact       TEXT NOT NULL,
  prefix      TEXT NOT NULL DEFAULT '',
  suffix      TEXT NOT NULL DEFAULT '',
  color       TEXT NOT NULL DEFAULT 'yellow',
  note        TEXT NOT NULL DEFAULT '',
  tags        TEXT NOT NULL DEFAULT '',
  orphaned    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  modified_at TEXT NOT NULL
);
CREATE INDEX annotations_by_source ON annotations(source_id);
ALTER TABLE sources ADD COLUMN removed_at TEXT;
ALTER TABLE sources ADD COLUMN removed_version INTEGER;
ALTER TABLE versions ADD COLUMN entity_count INTEGER NOT NULL DEFAULT 0;
UPDATE versions SET entity_count = (SELECT COUNT(DISTINCT m.entity_id) FROM mentions m WHERE m.version_id = versions.id);
CREATE INDEX sources_by_added ON sources(added_at);
)SQL",
        // 5: publishers counted from an index (the sidebar), not from versions' rows with their text.
        R"SQL(
CREATE INDEX versions_by_publisher ON versions(publisher);
)SQL",
        // 6: mentions kept in their version's order (WITHOUT ROWID, keyed by
        // version and range): one b-tree per mention written at ingest, not a
        // table and an index; a mention twice over is one mention.
        R"SQL(
CREATE TABLE mentions_by_range (
  version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  start      INTEGER NOT NULL,
  len        INTEGER NOT NULL,
  entity_id  INTEGER NOT NULL REFERENCES entities(id),
  confidence REAL NOT NULL DEFAULT 1,
  PRIMARY KEY (version_id, start, len, entity_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO mentions_by_range (version_id, start, len, entity_id, confidence)
  SELECT version_id, start, len, entity_id, confidence FROM mentions ORDER BY rowid;
DROP TABLE mentions;
ALTER TABLE mentions_by_range RENAME TO mentions;
CREATE INDEX mentions_by_entity ON mentions(entity_id);
)SQL",
    };
    return all;
}

} // namespace sextant::store
