-- The counts of the votes written before 0017's triggers. Pending migrations run in one
-- transaction, and CREATE TRIGGER holds its lock on opinions_votes until it commits: no vote can
-- be written between the triggers and this count, nor counted twice.
INSERT INTO opinions_statement_counts (statement_id, agree, disagree, pass)
SELECT statement_id, count(*) FILTER (WHERE vote = 1), count(*) FILTER (WHERE vote = -1), count(*) FILTER (WHERE vote = 0)
  FROM opinions_votes GROUP BY statement_id;
