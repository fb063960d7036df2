-- Other modules' parts of the session page (docs/adr/0033-session-page-parts.md): the read model's
-- JSON gains `parts`, every row of conversations_session_page_parts of the session by part name
-- ({} when none), so what another module shows on the page is read with the page, in its one
-- primary-key lookup. The function is migration 0006's with that one key added; writes to the parts
-- table refresh the session's rows like writes to the tables the page is built from.
CREATE OR REPLACE FUNCTION conversations_session_page_json(for_session uuid, for_locale text) RETURNS json
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
     WHERE d.session_id = se.id AND d.is_published), '[]'::json),
  'parts', COALESCE((
    SELECT json_object_agg(pp.part, pp.value ORDER BY pp.part)
      FROM conversations_session_page_parts pp
     WHERE pp.session_id = se.id), '{}'::json))
FROM conversations_sessions se
JOIN conversations_series sr ON sr.id = se.series_id
WHERE se.id = for_session
$$;
--> statement-breakpoint
CREATE TRIGGER conversations_session_page_parts_pages_insert AFTER INSERT ON conversations_session_page_parts
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION conversations_session_pages_changed('session_id');
--> statement-breakpoint
CREATE TRIGGER conversations_session_page_parts_pages_update AFTER UPDATE ON conversations_session_page_parts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION conversations_session_pages_changed('session_id');
--> statement-breakpoint
CREATE TRIGGER conversations_session_page_parts_pages_delete AFTER DELETE ON conversations_session_page_parts
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION conversations_session_pages_changed('session_id');
--> statement-breakpoint
CREATE TRIGGER conversations_session_page_parts_pages_truncate AFTER TRUNCATE ON conversations_session_page_parts
  FOR EACH STATEMENT EXECUTE FUNCTION conversations_session_pages_truncated();
--> statement-breakpoint
-- Every page gets its (empty) `parts`.
SELECT conversations_refresh_session_pages(ARRAY(SELECT id FROM conversations_sessions));
