-- pgbench equivalent of scenario 3b (an order number typed into q): the one statement the API sends for a search, its
-- page and one match more (which tells whether more follow; the count is the page's length): the digits' 4-grams narrow the rows (the API sends them as a
-- parameter, computed from the search text: here lpad of the number's 4-digit windows, which PostgreSQL folds into one
-- while planning), the substring test (strpos) over number, title and description decides. bench.sh runs it prepared
-- with plan_cache_mode = force_custom_plan: each execution is planned for its own grams, as the API's are.
\set n random(100001, 100000 + :complaints)
\if :n >= 1000000
\set g1 :n / 1000
\set g2 (:n / 100) % 10000
\set g3 (:n / 10) % 10000
\set g4 :n % 10000
\else
\set g1 :n / 100
\set g2 (:n / 10) % 10000
\set g3 :n % 10000
\set g4 :g3
\endif
SELECT c.id, c.number, c.status, c.channel, c.customer_id, c.category, c.severity, c.scope, c.title, c.received_at, c.partner_id,
       c.external_reference, c.first_responder_id, c.responsible_department_id, c.assignee_id, c.escalation_level, c.key_customer,
       c.repeat_count, c.updated_at
FROM complaints c
WHERE search_grams_contain(c.search_grams,
        lpad(:g1::text, 4, '0') || ' ' || lpad(:g2::text, 4, '0') || ' ' || lpad(:g3::text, 4, '0') || ' ' || lpad(:g4::text, 4, '0'))
  AND (strpos(lower(c.number), :n::text) - 1 >= 0 OR strpos(lower(c.title), :n::text) - 1 >= 0
   OR strpos(lower(c.description), :n::text) - 1 >= 0)
ORDER BY c.received_at DESC, c.id DESC
LIMIT 51;
