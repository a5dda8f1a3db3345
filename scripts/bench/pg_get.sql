-- pgbench equivalent of scenario 2 (GET /complaints/{id} by a signed-in agent): the session check, then the complaint
-- with its SLA clocks, as the API reads them.
\set n random(1, :complaints)
SELECT EXISTS (SELECT 1 FROM staff s WHERE s.id = ':staff' AND s.is_active AND s.security_stamp = ':stamp');
SELECT c.*, k.* FROM complaints c LEFT JOIN complaint_sla_clocks k ON k.complaint_id = c.id WHERE c.id = md5('complaint-' || :n)::uuid ORDER BY c.id, k.id;
