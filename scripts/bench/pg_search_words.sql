-- pgbench equivalent of scenario 3d (search-words.lua: a shop's name of three characters of places.txt, ~11 complaints,
-- or its first two, ~900): the statements the API sends for it. bench.sh passes places.txt as :places and its length as
-- :nplaces. Two characters are their own bigram: its postings (complaint_search_postings), newest first, are the page's
-- complaints (a text that is the word alone needs no substring test: the API sends none).
-- Three are a LIKE pattern the trigram indexes serve (tested on the texts as they are first: Chinese has no case).
-- Either is one statement, as the API sends a search: its page and one match more, which tells whether more follow (no
-- count beyond the page). Run prepared with plan_cache_mode = force_custom_plan, as the API runs a search: PostgreSQL
-- folds the word into a constant while planning each execution. The postings' statement is the exception, as in the
-- API (QueryTags.PlanOnce): one generic plan, set around it (pgbench sends each of these statements on its own; the
-- API sends the setting and its reset with the statement, in one round trip).
\set a random(1, :nplaces)
\set b random(1, :nplaces)
\set c random(1, :nplaces)
\if random(1, 2) = 1
SET plan_cache_mode = force_generic_plan;
SELECT c.id, c.number, c.status, c.channel, c.customer_id, c.category, c.severity, c.scope, c.title, c.received_at, c.partner_id,
       c.external_reference, c.first_responder_id, c.responsible_department_id, c.assignee_id, c.escalation_level, c.key_customer,
       c.repeat_count, c.updated_at
FROM complaint_search_postings p
JOIN complaints c ON c.id = p.complaint_id
WHERE p.gram = substr(:places, :a, 1) || substr(:places, :b, 1)
ORDER BY p.received_at DESC, p.complaint_id DESC
LIMIT 51;
RESET plan_cache_mode;
\else
SELECT c.id, c.number, c.status, c.channel, c.customer_id, c.category, c.severity, c.scope, c.title, c.received_at, c.partner_id,
       c.external_reference, c.first_responder_id, c.responsible_department_id, c.assignee_id, c.escalation_level, c.key_customer,
       c.repeat_count, c.updated_at
FROM complaints c
WHERE (c.number LIKE '%' || substr(:places, :a, 1) || substr(:places, :b, 1) || substr(:places, :c, 1) || '%'
    OR c.title LIKE '%' || substr(:places, :a, 1) || substr(:places, :b, 1) || substr(:places, :c, 1) || '%'
    OR c.description LIKE '%' || substr(:places, :a, 1) || substr(:places, :b, 1) || substr(:places, :c, 1) || '%')
  AND (lower(c.number) LIKE '%' || substr(:places, :a, 1) || substr(:places, :b, 1) || substr(:places, :c, 1) || '%'
    OR lower(c.title) LIKE '%' || substr(:places, :a, 1) || substr(:places, :b, 1) || substr(:places, :c, 1) || '%'
    OR lower(c.description) LIKE '%' || substr(:places, :a, 1) || substr(:places, :b, 1) || substr(:places, :c, 1) || '%')
ORDER BY c.received_at DESC, c.id DESC
LIMIT 51;
\endif
