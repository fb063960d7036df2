CREATE TYPE "public"."accounts_role" AS ENUM('delegate', 'speaker', 'moderator', 'secretariat');--> statement-breakpoint
CREATE TYPE "public"."accounts_stakeholder_group" AS ENUM('member_state', 'igo', 'ngo', 'academia', 'ip_professional', 'enterprise', 'civil_society', 'media', 'other');--> statement-breakpoint
CREATE TABLE "accounts_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts_sign_in_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"code_attempts" integer DEFAULT 0 NOT NULL,
	"locale" text NOT NULL,
	"next_path" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "accounts_user_roles" (
	"user_id" uuid NOT NULL,
	"role" "accounts_role" NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"granted_by" uuid,
	CONSTRAINT "accounts_user_roles_user_id_role_pk" PRIMARY KEY("user_id","role")
);
--> statement-breakpoint
CREATE TABLE "accounts_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"country" text,
	"stakeholder_group" "accounts_stakeholder_group",
	"preferred_locale" text DEFAULT 'en' NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	CONSTRAINT "accounts_users_email_lower" CHECK ("accounts_users"."email" = lower(btrim("accounts_users"."email"))),
	CONSTRAINT "accounts_users_country_alpha2" CHECK ("accounts_users"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "accounts_users_locale" CHECK ("accounts_users"."preferred_locale" IN ('ar','zh','en','fr','ru','es'))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
ALTER TABLE "conversations_document_files" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations_document_files" ADD COLUMN "storage_key" text;--> statement-breakpoint
ALTER TABLE "accounts_sessions" ADD CONSTRAINT "accounts_sessions_user_id_accounts_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."accounts_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts_user_roles" ADD CONSTRAINT "accounts_user_roles_user_id_accounts_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."accounts_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts_user_roles" ADD CONSTRAINT "accounts_user_roles_granted_by_accounts_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."accounts_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_accounts_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_sessions_user_idx" ON "accounts_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_sign_in_tokens_token_hash_key" ON "accounts_sign_in_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "accounts_sign_in_tokens_email_idx" ON "accounts_sign_in_tokens" USING btree ("email","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_users_email_key" ON "accounts_users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
ALTER TABLE "conversations_document_files" ADD CONSTRAINT "conversations_document_files_one_source" CHECK (("conversations_document_files"."content" IS NULL) <> ("conversations_document_files"."storage_key" IS NULL));--> statement-breakpoint
ALTER TABLE "conversations_document_files" ADD CONSTRAINT "conversations_document_files_storage_key" CHECK ("conversations_document_files"."storage_key" ~ '^[0-9a-f]{64}$');