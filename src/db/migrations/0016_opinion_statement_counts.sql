CREATE TABLE "opinions_statement_counts" (
	"statement_id" integer PRIMARY KEY NOT NULL,
	"agree" integer DEFAULT 0 NOT NULL,
	"disagree" integer DEFAULT 0 NOT NULL,
	"pass" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opinions_statement_counts" ADD CONSTRAINT "opinions_statement_counts_statement_id_opinions_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."opinions_statements"("id") ON DELETE cascade ON UPDATE no action;