CREATE SEQUENCE "public"."analytics_reach_version" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "analytics_reach_summaries" (
	"scope" text PRIMARY KEY NOT NULL,
	"source_version" bigint NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"figures" jsonb NOT NULL
);
--> statement-breakpoint
-- Reach summaries (docs/adr/0021-reach-analytics.md): every statement that writes registrations or
-- sessions moves analytics_reach_version on, so a summary computed at an older value is refreshed.
-- nextval takes no lock: concurrent registrations never queue behind one another for it.
CREATE FUNCTION analytics_bump_reach_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('analytics_reach_version');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER registration_registrations_reach AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON registration_registrations FOR EACH STATEMENT EXECUTE FUNCTION analytics_bump_reach_version();
--> statement-breakpoint
CREATE TRIGGER conversations_sessions_reach AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON conversations_sessions FOR EACH STATEMENT EXECUTE FUNCTION analytics_bump_reach_version();
