CREATE TYPE "public"."newsletter_edition_status" AS ENUM('draft', 'queued');--> statement-breakpoint
CREATE TYPE "public"."newsletter_subscriber_status" AS ENUM('pending', 'confirmed', 'unsubscribed');--> statement-breakpoint
CREATE TABLE "mail_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"locale" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"batch_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mail_templates_locale" CHECK ("mail_templates"."locale" IN ('ar','zh','en','fr','ru','es'))
);
--> statement-breakpoint
CREATE TABLE "newsletter_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"segment_locales" text[] DEFAULT '{}'::text[] NOT NULL,
	"segment_theme_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" "newsletter_edition_status" DEFAULT 'draft' NOT NULL,
	"recipient_count" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"queued_at" timestamp with time zone,
	"queued_by" uuid
);
--> statement-breakpoint
CREATE TABLE "newsletter_subscriber_themes" (
	"subscriber_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "newsletter_subscriber_themes_subscriber_id_theme_id_pk" PRIMARY KEY("subscriber_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "newsletter_subscribers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"locale" text NOT NULL,
	"status" "newsletter_subscriber_status" NOT NULL,
	"confirm_token_hash" text,
	"confirm_token_expires_at" timestamp with time zone,
	"last_mailed_at" timestamp with time zone,
	"token_nonce" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	CONSTRAINT "newsletter_subscribers_locale" CHECK ("newsletter_subscribers"."locale" IN ('ar','zh','en','fr','ru','es'))
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ALTER COLUMN "subject" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ALTER COLUMN "text" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ALTER COLUMN "html" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "template_id" uuid;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "vars" jsonb;--> statement-breakpoint
ALTER TABLE "newsletter_editions" ADD CONSTRAINT "newsletter_editions_created_by_accounts_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_editions" ADD CONSTRAINT "newsletter_editions_queued_by_accounts_users_id_fk" FOREIGN KEY ("queued_by") REFERENCES "public"."accounts_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_subscriber_themes" ADD CONSTRAINT "newsletter_subscriber_themes_subscriber_id_newsletter_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."newsletter_subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_subscriber_themes" ADD CONSTRAINT "newsletter_subscriber_themes_theme_id_conversations_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."conversations_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_templates_batch_key_idx" ON "mail_templates" USING btree ("batch_key");--> statement-breakpoint
CREATE INDEX "newsletter_editions_created_at_idx" ON "newsletter_editions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "newsletter_subscriber_themes_theme_idx" ON "newsletter_subscriber_themes" USING btree ("theme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_subscribers_email_key" ON "newsletter_subscribers" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_subscribers_confirm_token_hash_key" ON "newsletter_subscribers" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "newsletter_subscribers_status_locale_idx" ON "newsletter_subscribers" USING btree ("status","locale");--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_template_id_mail_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."mail_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_outbox_template_status_idx" ON "mail_outbox" USING btree ("template_id","status");--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_content" CHECK ("mail_outbox"."template_id" IS NOT NULL OR ("mail_outbox"."subject" IS NOT NULL AND "mail_outbox"."text" IS NOT NULL AND "mail_outbox"."html" IS NOT NULL));