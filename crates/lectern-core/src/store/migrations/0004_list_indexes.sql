-- Indexes for paging through the library list (Store::list_articles_page). Shipped
-- migrations are never edited; add a new file instead.
--
-- Each holds one sort order of the list, over the articles not removed, exactly as
-- store::articles::sort_order spells it, so a page is read from the index alone; `removed`
-- is a column too only so that SQLite sees the index covers the query (it does not count a
-- partial index's WHERE as covered, and `removed` is the last column of a row that
-- continues in overflow pages).
-- why: without them every page sorts the whole table, whose rows hold each article's
-- document and text: about a second per page at 100,000 articles

CREATE INDEX articles_list_added ON articles(added DESC, id DESC, removed) WHERE removed IS NULL;
CREATE INDEX articles_list_published
    ON articles(published IS NULL, published DESC, added DESC, id DESC, removed) WHERE removed IS NULL;
CREATE INDEX articles_list_title ON articles(title COLLATE NOCASE, id, removed) WHERE removed IS NULL;
