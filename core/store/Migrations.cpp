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
    };
    return all;
}

} // namespace sextant::store
