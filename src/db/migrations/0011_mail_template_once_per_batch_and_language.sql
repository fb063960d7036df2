DROP INDEX "mail_templates_batch_key_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "mail_templates_batch_key_locale_key" ON "mail_templates" USING btree ("batch_key","locale");