-- The session page lists its session's published opinion maps (page-cached): publishing,
-- unpublishing, editing or moving a map clears the page caches like any content write (migration
-- 0001's function). Votes, statements and results do not touch opinions_maps, so they send nothing.
CREATE TRIGGER opinions_maps_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON opinions_maps
  FOR EACH STATEMENT EXECUTE FUNCTION colloquy_notify_content_changed();
