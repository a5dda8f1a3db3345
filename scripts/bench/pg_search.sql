-- pgbench equivalent of scenario 3b (an order number typed into q): the one page query the API sends when the matches
-- fit one page (the count is then the page's length), substring over number, title and description by their trigram
-- indexes. Simple protocol: each execution is planned for its own pattern, as the API's parameters are.
\set n random(100001, 100000 + :complaints)
SELECT c.id, c.number, c.status, c.channel, c.customer_id, c.category, c.severity, c.scope, c.title, c.received_at, c.partner_id,
       c.external_reference, c.first_responder_id, c.responsible_department_id, c.assignee_id, c.escalation_level, c.key_customer,
       c.repeat_count, c.updated_at
FROM complaints c
WHERE lower(c.number) LIKE '%' || :n || '%' ESCAPE '\' OR lower(c.title) LIKE '%' || :n || '%' ESCAPE '\'
   OR lower(c.description) LIKE '%' || :n || '%' ESCAPE '\'
ORDER BY c.received_at DESC, c.id DESC
LIMIT 50;
