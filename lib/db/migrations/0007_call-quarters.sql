CREATE TABLE "stored_call_quarter" (
	"quarter" bigint NOT NULL,
	"status" text NOT NULL,
	"bin" smallint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stored_call_quarter_quarter_status_bin_pk" PRIMARY KEY("quarter","status","bin")
);
--> statement-breakpoint
-- The talk-time bin of a Duration: the index of the last DURATION_BINS start it reaches
-- (lib/analytics/histogram.ts; call-quarters.test.ts holds the two equal), -1 without one.
CREATE FUNCTION "stored_call_bin"(duration double precision) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE
    WHEN duration IS NULL THEN -1
    WHEN duration >= 1200 THEN 8
    WHEN duration >= 600 THEN 7
    WHEN duration >= 300 THEN 6
    WHEN duration >= 120 THEN 5
    WHEN duration >= 60 THEN 4
    WHEN duration >= 30 THEN 3
    WHEN duration >= 10 THEN 2
    WHEN duration >= 1 THEN 1
    ELSE 0 END)::smallint
$$;
--> statement-breakpoint
-- What a statement on stored_call changed, added to the counts: +1 for each row it wrote
-- (new_rows), -1 for each it replaced or removed (old_rows), in key order (two writers
-- adding to the same counts take their row locks in one order).
CREATE FUNCTION "stored_call_quarter_count"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stored_call_quarter AS q (quarter, status, bin, n)
    SELECT floor(extract(epoch from started_at) / 900)::bigint, coalesce(dial_status, ''),
      stored_call_bin(duration), count(*)
    FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (quarter, status, bin) DO UPDATE SET n = q.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO stored_call_quarter AS q (quarter, status, bin, n)
    SELECT quarter, status, bin, sum(d)::integer FROM (
      SELECT floor(extract(epoch from started_at) / 900)::bigint AS quarter,
        coalesce(dial_status, '') AS status, stored_call_bin(duration) AS bin, 1 AS d
      FROM new_rows
      UNION ALL
      SELECT floor(extract(epoch from started_at) / 900)::bigint,
        coalesce(dial_status, ''), stored_call_bin(duration), -1
      FROM old_rows) changed
    GROUP BY 1, 2, 3 HAVING sum(d) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (quarter, status, bin) DO UPDATE SET n = q.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO stored_call_quarter AS q (quarter, status, bin, n)
    SELECT floor(extract(epoch from started_at) / 900)::bigint, coalesce(dial_status, ''),
      stored_call_bin(duration), -count(*)
    FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (quarter, status, bin) DO UPDATE SET n = q.n + excluded.n;
  ELSE
    TRUNCATE stored_call_quarter;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "stored_call_quarter_insert" AFTER INSERT ON "stored_call"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stored_call_quarter_count"();
--> statement-breakpoint
CREATE TRIGGER "stored_call_quarter_update" AFTER UPDATE ON "stored_call"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stored_call_quarter_count"();
--> statement-breakpoint
CREATE TRIGGER "stored_call_quarter_delete" AFTER DELETE ON "stored_call"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stored_call_quarter_count"();
--> statement-breakpoint
CREATE TRIGGER "stored_call_quarter_truncate" AFTER TRUNCATE ON "stored_call"
  FOR EACH STATEMENT EXECUTE FUNCTION "stored_call_quarter_count"();
--> statement-breakpoint
-- The calls stored before the counts existed.
INSERT INTO "stored_call_quarter" (quarter, status, bin, n)
SELECT floor(extract(epoch from started_at) / 900)::bigint, coalesce(dial_status, ''),
  stored_call_bin(duration), count(*)
FROM "stored_call" GROUP BY 1, 2, 3;
