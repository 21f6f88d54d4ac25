-- The article library: articles with their document, images, tags, reading state, settings,
-- and the full-text index. Shipped migrations are never edited; add a new file instead.

CREATE TABLE articles (
    key           INTEGER PRIMARY KEY,       -- the full-text index's rowid; stable under VACUUM
    id            TEXT NOT NULL UNIQUE,      -- UUIDv7: stable across exports, sorts by creation
    url           TEXT,                      -- where it was read from
    canonical_url TEXT,                      -- the page's own address, for duplicate detection
    title         TEXT NOT NULL,
    byline        TEXT,
    source        TEXT,
    site_name     TEXT,
    published     TEXT,                      -- ISO 8601, wall-clock time of the page
    language      TEXT,
    document      TEXT NOT NULL,             -- the Document as JSON (metadata + blocks)
    text          TEXT NOT NULL,             -- the canonical text (DESIGN §2)
    text_hash     TEXT NOT NULL,             -- SHA-256 of the canonical text
    words         INTEGER NOT NULL,
    added         TEXT NOT NULL,             -- ISO 8601 UTC
    removed       TEXT                       -- set while a removal can still be undone
);
-- why: "is this page already here?" on every add
CREATE UNIQUE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
-- why: the same text saved from two places (a .txt copy of a page already fetched) is one article
CREATE UNIQUE INDEX articles_text_hash ON articles(text_hash);
-- why: the library list is sorted by these
CREATE INDEX articles_added ON articles(added);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE assets (
    sha256 TEXT PRIMARY KEY,                 -- content address: one copy however many articles use it
    mime   TEXT NOT NULL,
    bytes  BLOB NOT NULL
);

CREATE TABLE article_assets (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sha256     TEXT NOT NULL REFERENCES assets(sha256),
    PRIMARY KEY (article_id, sha256)
);
-- why: deciding whether an asset is still used when an article goes
CREATE INDEX article_assets_sha256 ON article_assets(sha256);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE article_tags (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
);
-- why: listing a tag's articles
CREATE INDEX article_tags_tag ON article_tags(tag_id);

CREATE TABLE reading_state (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL DEFAULT 0,   -- code-point offset of the first visible text
    progress   REAL NOT NULL DEFAULT 0,      -- 0..1, how far the reader has scrolled
    opened     TEXT NOT NULL                 -- ISO 8601 UTC
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL                      -- JSON
);

-- Full-text index. The text is pre-processed in Rust (store::search::index_text): CJK runs
-- become overlapping bigrams so two-character words match, and the porter stemmer handles
-- English inflections. Contentless: snippets are cut from articles.text, not from here.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, byline, text, notes,
    content = '',
    contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Title matches weigh most, then notes (the reader's own words), byline, body.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(10.0, 3.0, 1.0, 5.0)');
