CREATE TYPE "public"."conversations_agenda_item_kind" AS ENUM('opening', 'keynote', 'panel', 'sharing', 'open_floor', 'break', 'closing', 'other');--> statement-breakpoint
CREATE TYPE "public"."conversations_document_kind" AS ENUM('agenda', 'programme', 'issues_paper', 'information', 'summary', 'presentation', 'other');--> statement-breakpoint
CREATE TYPE "public"."conversations_session_format" AS ENUM('onsite', 'virtual', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."conversations_speaker_role" AS ENUM('chair', 'moderator', 'speaker', 'panelist');--> statement-breakpoint
CREATE TABLE "conversations_agenda_item_speakers" (
	"agenda_item_id" uuid NOT NULL,
	"speaker_id" uuid NOT NULL,
	"role" "conversations_speaker_role" DEFAULT 'speaker' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "conversations_agenda_item_speakers_agenda_item_id_speaker_id_pk" PRIMARY KEY("agenda_item_id","speaker_id")
);
--> statement-breakpoint
CREATE TABLE "conversations_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "conversations_agenda_item_kind" DEFAULT 'other' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"title" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_agenda_items_ends_after_start" CHECK ("conversations_agenda_items"."ends_at" >= "conversations_agenda_items"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "conversations_document_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_document_files_locale" CHECK ("conversations_document_files"."locale" IN ('ar','zh','en','fr','ru','es'))
);
--> statement-breakpoint
CREATE TABLE "conversations_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid NOT NULL,
	"session_id" uuid,
	"symbol" text NOT NULL,
	"kind" "conversations_document_kind" DEFAULT 'other' NOT NULL,
	"title" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"published_on" date NOT NULL,
	"is_published" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversations_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"short_title" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"about" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"organiser" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_published" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversations_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid NOT NULL,
	"theme_id" uuid,
	"number" integer NOT NULL,
	"title" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"subject" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text DEFAULT 'Europe/Zurich' NOT NULL,
	"format" "conversations_session_format" NOT NULL,
	"venue" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"livestream_url" text,
	"recording_url" text,
	"is_published" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_sessions_number_positive" CHECK ("conversations_sessions"."number" > 0),
	CONSTRAINT "conversations_sessions_ends_after_start" CHECK ("conversations_sessions"."ends_at" >= "conversations_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "conversations_speakers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"honorific" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"organisation" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"bio" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"country" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_speakers_country_alpha2" CHECK ("conversations_speakers"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "conversations_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversations_agenda_item_speakers" ADD CONSTRAINT "conversations_agenda_item_speakers_agenda_item_id_conversations_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."conversations_agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations_agenda_item_speakers" ADD CONSTRAINT "conversations_agenda_item_speakers_speaker_id_conversations_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."conversations_speakers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations_agenda_items" ADD CONSTRAINT "conversations_agenda_items_session_id_conversations_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."conversations_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations_document_files" ADD CONSTRAINT "conversations_document_files_document_id_conversations_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."conversations_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations_documents" ADD CONSTRAINT "conversations_documents_series_id_conversations_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."conversations_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations_documents" ADD CONSTRAINT "conversations_documents_session_id_conversations_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."conversations_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations_sessions" ADD CONSTRAINT "conversations_sessions_series_id_conversations_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."conversations_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations_sessions" ADD CONSTRAINT "conversations_sessions_theme_id_conversations_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."conversations_themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations_themes" ADD CONSTRAINT "conversations_themes_series_id_conversations_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."conversations_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_agenda_item_speakers_speaker_idx" ON "conversations_agenda_item_speakers" USING btree ("speaker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_agenda_items_session_position_key" ON "conversations_agenda_items" USING btree ("session_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_document_files_document_locale_key" ON "conversations_document_files" USING btree ("document_id","locale");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_documents_symbol_key" ON "conversations_documents" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "conversations_documents_session_idx" ON "conversations_documents" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_series_slug_key" ON "conversations_series" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_sessions_series_number_key" ON "conversations_sessions" USING btree ("series_id","number");--> statement-breakpoint
CREATE INDEX "conversations_sessions_starts_at_idx" ON "conversations_sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_speakers_slug_key" ON "conversations_speakers" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_themes_series_slug_key" ON "conversations_themes" USING btree ("series_id","slug");