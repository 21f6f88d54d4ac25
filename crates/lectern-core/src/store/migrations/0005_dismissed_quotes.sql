-- Key-quote suggestions the user dismissed (DESIGN §6): a suggestion is derived from the
-- text each time, so what is kept is the user's "no" to it, by its words rather than its
-- offsets, so that it stays dismissed when the article is downloaded again and moves.
-- Shipped migrations are never edited; add a new file instead.

CREATE TABLE dismissed_quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    exact      TEXT NOT NULL,                -- the suggestion's words, as offered
    "start"    INTEGER NOT NULL,             -- where it was when dismissed (code points)
    "end"      INTEGER NOT NULL,
    dismissed  TEXT NOT NULL,                -- ISO 8601 UTC
    PRIMARY KEY (article_id, exact)
) WITHOUT ROWID;
