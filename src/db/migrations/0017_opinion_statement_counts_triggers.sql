-- Each statement's vote counts (opinions_statement_counts), kept by statement-level triggers on
-- opinions_votes in the transaction that writes the votes (docs/adr/0027-which-statement-next.md):
-- the participation page reads them instead of counting the map's votes on every view. Every
-- writer is covered: a vote, a change of vote (the old value goes down), the pol.is import's bulk
-- inserts, the demo seed, and deletes (cascades from a participant, statement or map). Each
-- statement's delta is summed from the transition tables first, so a bulk insert costs one grouped
-- pass, and rows are upserted in statement order (two writers lock the same rows in one order).
CREATE FUNCTION opinions_count_votes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE opinions_statement_counts SET agree = 0, disagree = 0, pass = 0;
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO opinions_statement_counts AS c (statement_id, agree, disagree, pass)
    SELECT statement_id, count(*) FILTER (WHERE vote = 1), count(*) FILTER (WHERE vote = -1),
           count(*) FILTER (WHERE vote = 0)
      FROM new_votes GROUP BY statement_id ORDER BY statement_id
    ON CONFLICT (statement_id) DO UPDATE
      SET agree = c.agree + excluded.agree, disagree = c.disagree + excluded.disagree, pass = c.pass + excluded.pass;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO opinions_statement_counts AS c (statement_id, agree, disagree, pass)
    SELECT statement_id, sum(a), sum(d), sum(p)
      FROM (SELECT statement_id, (vote = 1)::int AS a, (vote = -1)::int AS d, (vote = 0)::int AS p FROM new_votes
            UNION ALL
            SELECT statement_id, -(vote = 1)::int, -(vote = -1)::int, -(vote = 0)::int FROM old_votes) AS x
     GROUP BY statement_id
    HAVING sum(a) <> 0 OR sum(d) <> 0 OR sum(p) <> 0
     ORDER BY statement_id
    ON CONFLICT (statement_id) DO UPDATE
      SET agree = c.agree + excluded.agree, disagree = c.disagree + excluded.disagree, pass = c.pass + excluded.pass;
  ELSE
    -- A statement deleted with its votes may have lost its row already: nothing to update then.
    UPDATE opinions_statement_counts AS c
       SET agree = c.agree - o.a, disagree = c.disagree - o.d, pass = c.pass - o.p
      FROM (SELECT statement_id, count(*) FILTER (WHERE vote = 1)::int AS a, count(*) FILTER (WHERE vote = -1)::int AS d,
                   count(*) FILTER (WHERE vote = 0)::int AS p
              FROM old_votes GROUP BY statement_id) AS o
     WHERE c.statement_id = o.statement_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER opinions_votes_count_insert AFTER INSERT ON opinions_votes REFERENCING NEW TABLE AS new_votes
  FOR EACH STATEMENT EXECUTE FUNCTION opinions_count_votes();
--> statement-breakpoint
CREATE TRIGGER opinions_votes_count_update AFTER UPDATE ON opinions_votes
  REFERENCING OLD TABLE AS old_votes NEW TABLE AS new_votes FOR EACH STATEMENT EXECUTE FUNCTION opinions_count_votes();
--> statement-breakpoint
CREATE TRIGGER opinions_votes_count_delete AFTER DELETE ON opinions_votes REFERENCING OLD TABLE AS old_votes
  FOR EACH STATEMENT EXECUTE FUNCTION opinions_count_votes();
--> statement-breakpoint
CREATE TRIGGER opinions_votes_count_truncate AFTER TRUNCATE ON opinions_votes
  FOR EACH STATEMENT EXECUTE FUNCTION opinions_count_votes();
