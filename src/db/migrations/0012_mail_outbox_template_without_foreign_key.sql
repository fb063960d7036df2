ALTER TABLE "mail_outbox" DROP CONSTRAINT "mail_outbox_template_id_mail_templates_id_fk";
