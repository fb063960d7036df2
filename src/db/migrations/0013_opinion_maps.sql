CREATE TYPE "public"."opinions_moderation" AS ENUM('pre', 'post');--> statement-breakpoint
CREATE TYPE "public"."opinions_statement_status" AS ENUM('pending', 'accepted', 'rejected');--> statement-breakpoint
CREATE TABLE "opinions_maps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid,
	"slug" text NOT NULL,
	"topic" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"moderation" "opinions_moderation" DEFAULT 'post' NOT NULL,
	"allow_statements" boolean DEFAULT true NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone,
	"is_published" boolean DEFAULT false NOT NULL,
	"imported_from" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opinions_maps_slug_shape" CHECK ("opinions_maps"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "opinions_maps_closes_after_opens" CHECK ("opinions_maps"."closes_at" is null or "opinions_maps"."closes_at" > "opinions_maps"."opens_at")
);
--> statement-breakpoint
CREATE TABLE "opinions_participants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinions_participants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"map_id" uuid NOT NULL,
	"user_id" uuid,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinions_results" (
	"map_id" uuid PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"votes_through" timestamp with time zone,
	"duration_ms" integer NOT NULL,
	"result" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinions_statements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinions_statements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"map_id" uuid NOT NULL,
	"language" text NOT NULL,
	"body" text NOT NULL,
	"author_participant_id" integer,
	"is_seed" boolean DEFAULT false NOT NULL,
	"is_meta" boolean DEFAULT false NOT NULL,
	"status" "opinions_statement_status" DEFAULT 'pending' NOT NULL,
	"moderated_at" timestamp with time zone,
	"moderated_by" uuid,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opinions_statements_body_length" CHECK (char_length("opinions_statements"."body") between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "opinions_votes" (
	"map_id" uuid NOT NULL,
	"participant_id" integer NOT NULL,
	"statement_id" integer NOT NULL,
	"vote" smallint NOT NULL,
	"voted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opinions_votes_participant_id_statement_id_pk" PRIMARY KEY("participant_id","statement_id"),
	CONSTRAINT "opinions_votes_value" CHECK ("opinions_votes"."vote" in (-1, 0, 1))
);
--> statement-breakpoint
ALTER TABLE "opinions_maps" ADD CONSTRAINT "opinions_maps_session_id_conversations_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."conversations_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions_participants" ADD CONSTRAINT "opinions_participants_map_id_opinions_maps_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."opinions_maps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions_participants" ADD CONSTRAINT "opinions_participants_user_id_accounts_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."accounts_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions_results" ADD CONSTRAINT "opinions_results_map_id_opinions_maps_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."opinions_maps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions_statements" ADD CONSTRAINT "opinions_statements_map_id_opinions_maps_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."opinions_maps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions_statements" ADD CONSTRAINT "opinions_statements_author_participant_id_opinions_participants_id_fk" FOREIGN KEY ("author_participant_id") REFERENCES "public"."opinions_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions_statements" ADD CONSTRAINT "opinions_statements_moderated_by_accounts_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."accounts_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions_votes" ADD CONSTRAINT "opinions_votes_map_id_opinions_maps_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."opinions_maps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions_votes" ADD CONSTRAINT "opinions_votes_participant_id_opinions_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."opinions_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions_votes" ADD CONSTRAINT "opinions_votes_statement_id_opinions_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."opinions_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "opinions_maps_slug_key" ON "opinions_maps" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "opinions_participants_map_user_key" ON "opinions_participants" USING btree ("map_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opinions_participants_map_external_key" ON "opinions_participants" USING btree ("map_id","external_id");--> statement-breakpoint
CREATE INDEX "opinions_participants_user_idx" ON "opinions_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "opinions_statements_map_status_idx" ON "opinions_statements" USING btree ("map_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "opinions_statements_map_external_key" ON "opinions_statements" USING btree ("map_id","external_id");--> statement-breakpoint
CREATE INDEX "opinions_votes_map_voted_at_idx" ON "opinions_votes" USING btree ("map_id","voted_at");--> statement-breakpoint
CREATE INDEX "opinions_votes_statement_idx" ON "opinions_votes" USING btree ("statement_id");