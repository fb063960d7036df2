CREATE TYPE "public"."registration_participant_category" AS ENUM('member_state', 'igo_observer', 'ngo_observer', 'other');--> statement-breakpoint
CREATE TYPE "public"."registration_mode" AS ENUM('onsite', 'online');--> statement-breakpoint
CREATE TYPE "public"."registration_stakeholder_group" AS ENUM('government', 'ip_office', 'academia', 'ip_professional', 'enterprise', 'creator', 'civil_society', 'media', 'individual', 'other');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('pending_approval', 'confirmed', 'waitlisted', 'cancelled');--> statement-breakpoint
CREATE TABLE "registration_delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_delegations_country_alpha2" CHECK ("registration_delegations"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "registration_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"country" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_organisations_country_alpha2" CHECK ("registration_organisations"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "registration_settings" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"is_enabled" boolean DEFAULT false NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"onsite_capacity" integer DEFAULT 0 NOT NULL,
	"online_capacity" integer DEFAULT 0 NOT NULL,
	"allowed_categories" "registration_participant_category"[] DEFAULT '{member_state,igo_observer,ngo_observer,other}'::registration_participant_category[] NOT NULL,
	"onsite_approval_categories" "registration_participant_category"[] DEFAULT '{}'::registration_participant_category[] NOT NULL,
	"online_approval_categories" "registration_participant_category"[] DEFAULT '{}'::registration_participant_category[] NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_settings_onsite_capacity" CHECK ("registration_settings"."onsite_capacity" >= 0),
	CONSTRAINT "registration_settings_online_capacity" CHECK ("registration_settings"."online_capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "registration_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid,
	"person_key" uuid NOT NULL,
	"mode" "registration_mode" NOT NULL,
	"status" "registration_status" NOT NULL,
	"participant_category" "registration_participant_category" NOT NULL,
	"stakeholder_group" "registration_stakeholder_group" NOT NULL,
	"country" text NOT NULL,
	"display_name" text DEFAULT '' NOT NULL,
	"organisation_name" text DEFAULT '' NOT NULL,
	"organisation_id" uuid,
	"delegation_id" uuid,
	"interpretation_language" text,
	"accessibility_needs" text DEFAULT '' NOT NULL,
	"consent_public_list" boolean DEFAULT false NOT NULL,
	"consent_recording" boolean DEFAULT false NOT NULL,
	"gender" text,
	"locale" text NOT NULL,
	"check_in_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"waitlisted_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" uuid,
	"joined_online_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "registration_registrations_country_alpha2" CHECK ("registration_registrations"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "registration_registrations_locale" CHECK ("registration_registrations"."locale" IN ('ar','zh','en','fr','ru','es')),
	CONSTRAINT "registration_registrations_interpretation" CHECK ("registration_registrations"."interpretation_language" IN ('ar','zh','en','fr','ru','es'))
);
--> statement-breakpoint
ALTER TABLE "registration_settings" ADD CONSTRAINT "registration_settings_session_id_conversations_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."conversations_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_registrations" ADD CONSTRAINT "registration_registrations_session_id_conversations_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."conversations_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_registrations" ADD CONSTRAINT "registration_registrations_user_id_accounts_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."accounts_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_registrations" ADD CONSTRAINT "registration_registrations_organisation_id_registration_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."registration_organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_registrations" ADD CONSTRAINT "registration_registrations_delegation_id_registration_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."registration_delegations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_registrations" ADD CONSTRAINT "registration_registrations_decided_by_accounts_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_registrations" ADD CONSTRAINT "registration_registrations_checked_in_by_accounts_users_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."accounts_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "registration_delegations_country_key" ON "registration_delegations" USING btree ("country");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_organisations_name_key" ON "registration_organisations" USING btree ("name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_registrations_session_person_key" ON "registration_registrations" USING btree ("session_id","person_key");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_registrations_check_in_code_key" ON "registration_registrations" USING btree ("check_in_code");--> statement-breakpoint
CREATE INDEX "registration_registrations_session_mode_status_idx" ON "registration_registrations" USING btree ("session_id","mode","status");--> statement-breakpoint
CREATE INDEX "registration_registrations_user_idx" ON "registration_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "registration_registrations_person_idx" ON "registration_registrations" USING btree ("person_key");