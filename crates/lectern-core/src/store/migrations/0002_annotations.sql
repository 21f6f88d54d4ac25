-- Annotations: highlights with notes, tags and a colour, anchored to an article's canonical
-- text (DESIGN §2, §6). Shipped migrations are never edited; add a new file instead.

CREATE TABLE annotations (
    key        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,         -- UUIDv7: stable across exports, sorts by creation
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    creator    TEXT NOT NULL,                -- display name; imported annotations keep theirs
    created    TEXT NOT NULL,                -- ISO 8601 UTC
    modified   TEXT NOT NULL,                -- ISO 8601 UTC; the newer copy wins in a merge
    deleted    TEXT,                         -- tombstone: set on delete (undoable, and merged)
    motivation TEXT NOT NULL CHECK (motivation IN ('highlighting', 'commenting', 'tagging')),
    note       TEXT,                         -- Markdown
    color      TEXT NOT NULL DEFAULT 'yellow'
               CHECK (color IN ('yellow', 'green', 'blue', 'pink', 'purple')),
    tags       TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    exact      TEXT NOT NULL,                -- TextQuoteSelector
    prefix     TEXT NOT NULL DEFAULT '',
    suffix     TEXT NOT NULL DEFAULT '',
    "start"    INTEGER NOT NULL,             -- TextPositionSelector, code points
    "end"      INTEGER NOT NULL,
    status     TEXT NOT NULL DEFAULT 'anchored' CHECK (status IN ('anchored', 'orphan'))
);
-- why: the reader loads an article's annotations in reading order each time it opens one,
-- and re-anchoring walks the same set
CREATE INDEX annotations_article ON annotations(article_id, "start");
-- why: the library-wide highlights view lists the most recently changed first
CREATE INDEX annotations_modified ON annotations(modified);
