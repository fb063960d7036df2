-- The session page lists its session's published opinion maps through the conversations module's
-- page parts (docs/adr/0033-session-page-parts.md): the part `opinionMaps` of a session is the
-- array of its published maps, in the order they open, as the page needs them (topics in all six
-- languages; instants in epoch milliseconds; `opinionMapsOfPagePart` in service/maps.ts reads it).
-- A session without a published map has no part. Statement-level triggers on opinions_maps keep
-- it, in the writer's transaction; a part written with the value it already has is not rewritten,
-- so an edit the page does not show (moderation, open data, description) refreshes no page.
CREATE FUNCTION opinions_refresh_session_page_parts(session_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF session_ids IS NULL OR cardinality(session_ids) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM conversations_session_page_parts pp
   WHERE pp.part = 'opinionMaps' AND pp.session_id = ANY (session_ids)
     AND NOT EXISTS (SELECT 1 FROM opinions_maps m WHERE m.session_id = pp.session_id AND m.is_published);
  INSERT INTO conversations_session_page_parts AS pp (session_id, part, value)
  SELECT m.session_id, 'opinionMaps',
         jsonb_agg(jsonb_build_object(
                     'slug', m.slug,
                     'topic', m.topic,
                     'opensAt', (extract(epoch FROM m.opens_at) * 1000)::bigint,
                     'closesAt', (extract(epoch FROM m.closes_at) * 1000)::bigint)
                   ORDER BY m.opens_at, m.slug)
    FROM opinions_maps m
   WHERE m.session_id = ANY (session_ids) AND m.is_published
   GROUP BY m.session_id
   ORDER BY m.session_id
  ON CONFLICT (session_id, part) DO UPDATE SET value = excluded.value
   WHERE pp.value IS DISTINCT FROM excluded.value;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION opinions_maps_session_pages_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM conversations_session_page_parts WHERE part = 'opinionMaps';
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM opinions_refresh_session_page_parts(ARRAY(
      SELECT DISTINCT session_id FROM new_rows WHERE session_id IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM opinions_refresh_session_page_parts(ARRAY(
      SELECT DISTINCT session_id FROM old_rows WHERE session_id IS NOT NULL));
  ELSE
    PERFORM opinions_refresh_session_page_parts(ARRAY(
      SELECT session_id FROM new_rows WHERE session_id IS NOT NULL
      UNION
      SELECT session_id FROM old_rows WHERE session_id IS NOT NULL));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER opinions_maps_session_pages_insert AFTER INSERT ON opinions_maps
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION opinions_maps_session_pages_changed();
--> statement-breakpoint
CREATE TRIGGER opinions_maps_session_pages_update AFTER UPDATE ON opinions_maps
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION opinions_maps_session_pages_changed();
--> statement-breakpoint
CREATE TRIGGER opinions_maps_session_pages_delete AFTER DELETE ON opinions_maps
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION opinions_maps_session_pages_changed();
--> statement-breakpoint
CREATE TRIGGER opinions_maps_session_pages_truncate AFTER TRUNCATE ON opinions_maps
  FOR EACH STATEMENT EXECUTE FUNCTION opinions_maps_session_pages_changed();
--> statement-breakpoint
-- The maps already there.
SELECT opinions_refresh_session_page_parts(ARRAY(SELECT DISTINCT session_id FROM opinions_maps WHERE session_id IS NOT NULL));
