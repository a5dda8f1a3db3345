-- pgbench equivalent of scenario 3a (a department's queue): the page of 50 newest registered complaints with the columns
-- the list returns and, in the same statement, the count up to the list's limit (1,000), as the API reads them. The
-- department is drawn from the active ones (a small table) like the wrk script draws it from the same list. bench.sh runs
-- it prepared, with PostgreSQL's generic plan (plan_cache_mode), as the API runs a queue's first page: planned once per
-- connection, not per execution; its limits are parameters, as the API sends them.
\set d random(0, :departments - 1)
\set page_size 50
\set count_cap 1001
SELECT c.id, c.number, c.status, c.channel, c.customer_id, c.category, c.severity, c.scope, c.title, c.received_at, c.partner_id,
       c.external_reference, c.first_responder_id, c.responsible_department_id, c.assignee_id, c.escalation_level, c.key_customer,
       c.repeat_count, c.updated_at, (
    SELECT count(*)::int FROM (
        SELECT 1 FROM complaints c0
        WHERE c0.status = 'Registered' AND c0.responsible_department_id = (SELECT id FROM departments WHERE is_active ORDER BY id OFFSET :d LIMIT 1)
        ORDER BY c0.received_at DESC, c0.id DESC
        LIMIT :count_cap) c1)
FROM complaints c
WHERE c.status = 'Registered' AND c.responsible_department_id = (SELECT id FROM departments WHERE is_active ORDER BY id OFFSET :d LIMIT 1)
ORDER BY c.received_at DESC, c.id DESC
LIMIT :page_size;
