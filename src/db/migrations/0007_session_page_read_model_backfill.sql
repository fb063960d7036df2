-- Fills the session page read model (migration 0006) for the content already there.
SELECT conversations_refresh_session_pages(ARRAY(SELECT id FROM conversations_sessions));
