-- The global search reads two columns of every record table: the search text (trigram index) and the
-- name's pinyin initials (prefix index). New tables get them when created; this adds them to the
-- tables that exist already. Values are filled in by the product (on write, and by a background
-- job for older rows).
do $$
declare
    t text;
begin
    for t in select table_name from meta_object loop
        execute format('alter table %I add column if not exists search_text text', t);
        execute format('alter table %I add column if not exists search_initials text', t);
    end loop;
    -- activities and tasks are found from their customer: no search indexes on the largest tables
    for t in select table_name from meta_object where api_name not in ('activity', 'task') loop
        execute format('create index if not exists %I on %I using gin (search_text platform.gin_trgm_ops)'
                           || ' where deleted_at is null', t || '_search', t);
        execute format('create index if not exists %I on %I (search_initials text_pattern_ops)'
                           || ' where deleted_at is null', t || '_initials', t);
        execute format('create index if not exists %I on %I (id) where search_text is null', t || '_unsearchable', t);
    end loop;
end $$;
