-- Every write to public content tells the app nodes, so each clears its cache of rendered pages.
-- Statement-level triggers: one NOTIFY per statement, whatever the number of rows.
CREATE OR REPLACE FUNCTION colloquy_notify_content_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('colloquy_content_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'conversations_series', 'conversations_themes', 'conversations_sessions',
    'conversations_agenda_items', 'conversations_speakers', 'conversations_agenda_item_speakers',
    'conversations_documents', 'conversations_document_files'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
         FOR EACH STATEMENT EXECUTE FUNCTION colloquy_notify_content_changed()',
      t || '_changed', t);
  END LOOP;
END;
$$;
