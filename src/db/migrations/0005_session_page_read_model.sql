CREATE TABLE "conversations_session_pages" (
	"series_slug" text NOT NULL,
	"number" integer NOT NULL,
	"locale" text NOT NULL,
	"session_id" uuid NOT NULL,
	"page" json NOT NULL,
	CONSTRAINT "conversations_session_pages_series_slug_number_locale_pk" PRIMARY KEY("series_slug","number","locale")
);
--> statement-breakpoint
ALTER TABLE "conversations_session_pages" ADD CONSTRAINT "conversations_session_pages_session_id_conversations_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."conversations_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_session_pages_session_idx" ON "conversations_session_pages" USING btree ("session_id");