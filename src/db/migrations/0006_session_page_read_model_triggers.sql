-- The session page's read model (docs/adr/0015-session-page-read-model.md): one row per published
-- session and language in conversations_session_pages, holding as JSON what the page shows, texts
-- already picked for that language. Triggers on every table the page reads from refresh the rows of
-- the sessions a statement touched, in the writer's transaction, so the page is never behind the
-- content it is built from. Changing what the page shows: CREATE OR REPLACE
-- conversations_session_page_json in a new migration, and refresh every row in it.

-- A page's JSON (10–15 KB) is read whole on every request: kept out of line but uncompressed, so
-- reading it costs no decompression.
ALTER TABLE conversations_session_pages ALTER COLUMN page SET STORAGE EXTERNAL;
--> statement-breakpoint
-- pickText (src/platform/i18n/localized-text.ts) in SQL: the text in the language asked for, else in
-- English, else in the first of the six that has it, as a one-entry object ({"fr": "…"}), or {} when
-- every language is empty. "Empty" is what JavaScript's trim() would leave empty: the class below is
-- exactly its white space and line terminators. The text is kept untrimmed; pickText trims it.
CREATE FUNCTION conversations_pick_text(t jsonb, locale text) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(
    (SELECT jsonb_build_object(c.l, t ->> c.l)
       FROM unnest(ARRAY[locale, 'en', 'ar', 'zh', 'fr', 'ru', 'es']) WITH ORDINALITY AS c(l, i)
      WHERE (t ->> c.l) ~ '[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]'
      ORDER BY c.i
      LIMIT 1),
    '{}'::jsonb)
$$;
--> statement-breakpoint
-- Instants as milliseconds since the epoch: `new Date(ms)` in Node, whatever the writer's TimeZone.
CREATE FUNCTION conversations_epoch_ms(t timestamptz) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (extract(epoch FROM t) * 1000)::bigint
$$;
--> statement-breakpoint
-- What the session page shows of one session in one language, and nothing more (ids only where a
-- link or the calendar file needs them). Keys are the TypeScript names (SessionPageData in
-- conversations.types.ts); findSessionPage turns the instants into Dates.
CREATE FUNCTION conversations_session_page_json(for_session uuid, for_locale text) RETURNS json
LANGUAGE sql STABLE AS $$
SELECT json_build_object(
  'series', json_build_object(
    'slug', sr.slug,
    'title', conversations_pick_text(sr.title, for_locale),
    'shortTitle', conversations_pick_text(sr.short_title, for_locale)),
  'session', json_build_object(
    'id', se.id,
    'number', se.number,
    'title', conversations_pick_text(se.title, for_locale),
    'subject', conversations_pick_text(se.subject, for_locale),
    'description', conversations_pick_text(se.description, for_locale),
    'startsAt', conversations_epoch_ms(se.starts_at),
    'endsAt', conversations_epoch_ms(se.ends_at),
    'timeZone', se.time_zone,
    'format', se.format,
    'venue', conversations_pick_text(se.venue, for_locale),
    'livestreamUrl', se.livestream_url,
    'recordingUrl', se.recording_url,
    'updatedAt', conversations_epoch_ms(se.updated_at)),
  'theme', (
    SELECT json_build_object('slug', th.slug, 'title', conversations_pick_text(th.title, for_locale))
      FROM conversations_themes th
     WHERE th.id = se.theme_id),
  'previousNumber', (
    SELECT max(p.number) FROM conversations_sessions p
     WHERE p.series_id = se.series_id AND p.is_published AND p.number < se.number),
  'nextNumber', (
    SELECT min(n.number) FROM conversations_sessions n
     WHERE n.series_id = se.series_id AND n.is_published AND n.number > se.number),
  'agenda', COALESCE((
    SELECT json_agg(json_build_object(
             'item', json_build_object(
               'kind', ai.kind,
               'startsAt', conversations_epoch_ms(ai.starts_at),
               'endsAt', conversations_epoch_ms(ai.ends_at),
               'title', conversations_pick_text(ai.title, for_locale),
               'description', conversations_pick_text(ai.description, for_locale)),
             'speakers', COALESCE((
               SELECT json_agg(json_build_object(
                        'speaker', json_build_object(
                          'slug', sp.slug,
                          'name', sp.name,
                          'organisation', conversations_pick_text(sp.organisation, for_locale)),
                        'role', ais.role)
                      ORDER BY ais.position, sp.name)
                 FROM conversations_agenda_item_speakers ais
                 JOIN conversations_speakers sp ON sp.id = ais.speaker_id
                WHERE ais.agenda_item_id = ai.id), '[]'::json))
           ORDER BY ai.position)
      FROM conversations_agenda_items ai
     WHERE ai.session_id = se.id), '[]'::json),
  'documents', COALESCE((
    SELECT json_agg(json_build_object(
             'document', json_build_object(
               'id', d.id,
               'symbol', d.symbol,
               'kind', d.kind,
               'title', conversations_pick_text(d.title, for_locale),
               'publishedOn', d.published_on),
             'session', json_build_object('number', se.number),
             'files', COALESCE((
               SELECT json_agg(json_build_object(
                        'locale', f.locale, 'mediaType', f.media_type, 'byteSize', f.byte_size)
                      ORDER BY array_position(ARRAY['ar', 'zh', 'en', 'fr', 'ru', 'es'], f.locale))
                 FROM conversations_document_files f
                WHERE f.document_id = d.id), '[]'::json))
           ORDER BY d.published_on DESC, d.symbol)
      FROM conversations_documents d
     WHERE d.session_id = se.id AND d.is_published), '[]'::json))
FROM conversations_sessions se
JOIN conversations_series sr ON sr.id = se.series_id
WHERE se.id = for_session
$$;
--> statement-breakpoint
-- Rebuilds the rows of these sessions in all six languages; a session that is not published, or
-- whose series is not, is left with none. The sessions are locked first (in id order, against
-- deadlocks between two refreshes): a second writer refreshing the same session waits for the first
-- to commit, and its statements below then see what the first wrote. Without the lock, two
-- transactions changing different rows of one page could each write a page missing the other's
-- change, and the last to commit would win.
CREATE FUNCTION conversations_refresh_session_pages(session_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF session_ids IS NULL OR cardinality(session_ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM conversations_sessions WHERE id = ANY (session_ids) ORDER BY id FOR NO KEY UPDATE;
  DELETE FROM conversations_session_pages WHERE session_id = ANY (session_ids);
  INSERT INTO conversations_session_pages (series_slug, number, locale, session_id, page)
  SELECT sr.slug, se.number, l.locale, se.id, conversations_session_page_json(se.id, l.locale)
    FROM conversations_sessions se
    JOIN conversations_series sr ON sr.id = se.series_id
   CROSS JOIN unnest(ARRAY['ar', 'zh', 'en', 'fr', 'ru', 'es']) AS l(locale)
   WHERE se.id = ANY (session_ids) AND se.is_published AND sr.is_published;
END;
$$;
--> statement-breakpoint
-- Statement-level trigger for the tables under a session. TG_ARGV[0] names the column of the changed
-- rows that leads to the sessions; TG_ARGV[1], when given, is a query turning those keys ($1, an
-- array) into the array of session ids. The transition tables are new_rows and old_rows (PostgreSQL
-- allows them only on single-event triggers, hence three triggers per table).
CREATE FUNCTION conversations_session_pages_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  keys uuid[];
  session_ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %1$I) FROM new_rows WHERE %1$I IS NOT NULL', TG_ARGV[0])
      INTO keys;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %1$I) FROM old_rows WHERE %1$I IS NOT NULL', TG_ARGV[0])
      INTO keys;
  ELSE
    EXECUTE format(
      'SELECT array_agg(k) FROM (SELECT %1$I FROM new_rows UNION SELECT %1$I FROM old_rows) AS c(k)
        WHERE k IS NOT NULL', TG_ARGV[0])
      INTO keys;
  END IF;
  IF keys IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_NARGS > 1 THEN
    EXECUTE TG_ARGV[1] INTO session_ids USING keys;
  ELSE
    session_ids := keys;
  END IF;
  PERFORM conversations_refresh_session_pages(session_ids);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Sessions: a change to a session's page shows in its own rows, and, when a session comes, goes, is
-- renumbered, moves or is (un)published, in its neighbours' "previous" and "next" links: then every
-- session of the series is refreshed.
CREATE FUNCTION conversations_session_pages_sessions_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM conversations_refresh_session_pages(ARRAY(
      SELECT se.id FROM conversations_sessions se WHERE se.series_id IN (SELECT series_id FROM new_rows)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM conversations_refresh_session_pages(ARRAY(
      SELECT se.id FROM conversations_sessions se WHERE se.series_id IN (SELECT series_id FROM old_rows)));
  ELSE
    PERFORM conversations_refresh_session_pages(ARRAY(
      SELECT id FROM new_rows
      UNION
      SELECT se.id
        FROM conversations_sessions se
        JOIN (SELECT o.series_id AS old_series, n.series_id AS new_series
                FROM old_rows o
                JOIN new_rows n ON n.id = o.id
               WHERE (o.series_id, o.number, o.is_published) IS DISTINCT FROM
                     (n.series_id, n.number, n.is_published)) AS moved
          ON se.series_id IN (moved.old_series, moved.new_series)));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION conversations_session_pages_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM conversations_refresh_session_pages(ARRAY(SELECT id FROM conversations_sessions));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE
  t record;
  fn text;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('conversations_series', 'id',
     'SELECT array_agg(id) FROM conversations_sessions WHERE series_id = ANY ($1)'),
    ('conversations_themes', 'id',
     'SELECT array_agg(id) FROM conversations_sessions WHERE theme_id = ANY ($1)'),
    ('conversations_sessions', NULL, NULL),
    ('conversations_agenda_items', 'session_id', NULL),
    ('conversations_agenda_item_speakers', 'agenda_item_id',
     'SELECT array_agg(DISTINCT session_id) FROM conversations_agenda_items WHERE id = ANY ($1)'),
    ('conversations_speakers', 'id',
     'SELECT array_agg(DISTINCT ai.session_id)
        FROM conversations_agenda_item_speakers ais
        JOIN conversations_agenda_items ai ON ai.id = ais.agenda_item_id
       WHERE ais.speaker_id = ANY ($1)'),
    ('conversations_documents', 'session_id', NULL),
    ('conversations_document_files', 'document_id',
     'SELECT array_agg(DISTINCT session_id) FROM conversations_documents
       WHERE id = ANY ($1) AND session_id IS NOT NULL')
  ) AS v(tbl, key_column, to_sessions) LOOP
    fn := CASE
      WHEN t.key_column IS NULL THEN 'conversations_session_pages_sessions_changed()'
      WHEN t.to_sessions IS NULL THEN format('conversations_session_pages_changed(%L)', t.key_column)
      ELSE format('conversations_session_pages_changed(%L, %L)', t.key_column, t.to_sessions)
    END;
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION %s', t.tbl || '_pages_insert', t.tbl, fn);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION %s', t.tbl || '_pages_update', t.tbl, fn);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION %s', t.tbl || '_pages_delete', t.tbl, fn);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I
                      FOR EACH STATEMENT EXECUTE FUNCTION conversations_session_pages_truncated()',
                   t.tbl || '_pages_truncate', t.tbl);
  END LOOP;
END;
$$;
