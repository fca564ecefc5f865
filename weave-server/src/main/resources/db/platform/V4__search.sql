-- Trigram matching for the global search (substring search on names, phones, pinyin). pg_trgm is a
-- trusted extension: the database owner may create it.
create extension if not exists pg_trgm schema platform;
