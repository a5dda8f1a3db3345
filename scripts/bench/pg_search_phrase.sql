-- pgbench equivalent of scenario 3c (search-phrase.lua: a Chinese phrase or word of the complaints' texts, in 9-12 % of
-- them): the statements the API sends for it. bench.sh passes the two lines of search-zh.txt as :words (two characters)
-- and :phrases (longer), with their counts. A word of two characters is its own bigram: its postings
-- (complaint_search_postings), newest first, are the page's complaints (a text that is the word alone needs no substring
-- test: the API sends none); a longer phrase is a LIKE pattern over number, title and description, which
-- the trigram indexes serve, tested on the texts as they are before their lower case (a Chinese phrase has no case).
-- Either is one statement, as the API sends a search: its page and one match more, which tells whether more follow (no
-- count beyond the page). Run prepared with plan_cache_mode = force_custom_plan, as the API runs a search: PostgreSQL
-- folds the chosen phrase into a constant while planning each execution. The postings' statement is the exception, as in the
-- API (QueryTags.PlanOnce): one generic plan, set around it (pgbench sends each of these statements on its own; the
-- API sends the setting and its reset with the statement, in one round trip).
\set i random(1, :nwords + :nphrases)
\if :i <= :nwords
SET plan_cache_mode = force_generic_plan;
SELECT c.id, c.number, c.status, c.channel, c.customer_id, c.category, c.severity, c.scope, c.title, c.received_at, c.partner_id,
       c.external_reference, c.first_responder_id, c.responsible_department_id, c.assignee_id, c.escalation_level, c.key_customer,
       c.repeat_count, c.updated_at
FROM complaint_search_postings p
JOIN complaints c ON c.id = p.complaint_id
WHERE p.gram = (string_to_array(:words, '|'))[:i]
ORDER BY p.received_at DESC, p.complaint_id DESC
LIMIT 51;
RESET plan_cache_mode;
\else
\set j :i - :nwords
SELECT c.id, c.number, c.status, c.channel, c.customer_id, c.category, c.severity, c.scope, c.title, c.received_at, c.partner_id,
       c.external_reference, c.first_responder_id, c.responsible_department_id, c.assignee_id, c.escalation_level, c.key_customer,
       c.repeat_count, c.updated_at
FROM complaints c
WHERE (c.number LIKE '%' || (string_to_array(:phrases, '|'))[:j] || '%'
    OR c.title LIKE '%' || (string_to_array(:phrases, '|'))[:j] || '%'
    OR c.description LIKE '%' || (string_to_array(:phrases, '|'))[:j] || '%')
  AND (lower(c.number) LIKE '%' || (string_to_array(:phrases, '|'))[:j] || '%'
    OR lower(c.title) LIKE '%' || (string_to_array(:phrases, '|'))[:j] || '%'
    OR lower(c.description) LIKE '%' || (string_to_array(:phrases, '|'))[:j] || '%')
ORDER BY c.received_at DESC, c.id DESC
LIMIT 51;
\endif
