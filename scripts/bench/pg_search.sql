-- pgbench equivalent of scenario 3b (an order number typed into q): the one page query the API sends when the matches
-- fit one page (the count is then the page's length): the digits' 4-grams narrow the rows (the API inlines the digits as a
-- constant), the substring match over number, title and description decides. Simple protocol: each execution is planned
-- for its own digits and pattern, as the API's are.
\set n random(100001, 100000 + :complaints)
SELECT c.id, c.number, c.status, c.channel, c.customer_id, c.category, c.severity, c.scope, c.title, c.received_at, c.partner_id,
       c.external_reference, c.first_responder_id, c.responsible_department_id, c.assignee_id, c.escalation_level, c.key_customer,
       c.repeat_count, c.updated_at
FROM complaints c
WHERE complaint_has_digits(c.number, c.title, c.description, :n::text)
  AND (lower(c.number) LIKE '%' || :n || '%' ESCAPE '\' OR lower(c.title) LIKE '%' || :n || '%' ESCAPE '\'
   OR lower(c.description) LIKE '%' || :n || '%' ESCAPE '\')
ORDER BY c.received_at DESC, c.id DESC
LIMIT 50;
