-- Timeline corrections: the user's edits, hides and additions of events (DESIGN §5), kept
-- apart from the derived events (which are recomputed, never stored) and applied over them.
-- Shipped migrations are never edited; add a new file instead.

CREATE TABLE timeline_corrections (
    key           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,        -- UUIDv7: stable, sorts by creation
    article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('edit', 'hide', 'add')),
    mention_start INTEGER NOT NULL CHECK (mention_start >= 0),  -- code points (DESIGN §2)
    mention_end   INTEGER NOT NULL CHECK (mention_end > mention_start),
    mention_text  TEXT NOT NULL,               -- re-anchors the correction when offsets move
    value         TEXT,                        -- TIMEX3-style; NULL for a hide
    created       TEXT NOT NULL,               -- ISO 8601 UTC
    modified      TEXT NOT NULL,               -- ISO 8601 UTC; the latest edit of an event wins
    CHECK ((kind = 'hide') = (value IS NULL))
);
-- why: every timeline computation loads one article's corrections, and deleting an article
-- cascades through this column
CREATE INDEX timeline_corrections_article ON timeline_corrections(article_id, mention_start);
