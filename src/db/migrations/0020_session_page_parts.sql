CREATE TABLE "conversations_session_page_parts" (
	"session_id" uuid NOT NULL,
	"part" text NOT NULL,
	"value" jsonb NOT NULL,
	CONSTRAINT "conversations_session_page_parts_session_id_part_pk" PRIMARY KEY("session_id","part"),
	CONSTRAINT "conversations_session_page_parts_part" CHECK ("conversations_session_page_parts"."part" ~ '^[a-z][A-Za-z0-9]*$')
);
--> statement-breakpoint
ALTER TABLE "conversations_session_page_parts" ADD CONSTRAINT "conversations_session_page_parts_session_id_conversations_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."conversations_sessions"("id") ON DELETE cascade ON UPDATE no action;