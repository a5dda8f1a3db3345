-- pgbench equivalent of scenario 4 (POST /complaints/{id}/register with If-Match): session check, load with clocks,
-- routing and repeat look-ups, then one transaction updating the complaint (row-version checked), meeting one clock,
-- starting three, appending the timeline entry and its outbox message. Complaints come from the received pool at
-- random; a complaint drawn twice has its clocks updated instead of inserted (the same work).
\set n random(:pool_from, :pool_to)
SELECT EXISTS (SELECT 1 FROM staff s WHERE s.id = ':staff' AND s.is_active AND s.security_stamp = ':stamp');
SELECT c.*, k.* FROM complaints c LEFT JOIN complaint_sla_clocks k ON k.complaint_id = c.id WHERE c.id = md5('pool-' || :n)::uuid ORDER BY c.id, k.id;
SELECT d.id FROM departments d WHERE d.code = 'CS' AND d.is_active LIMIT 2;
SELECT c.id FROM complaints c WHERE c.customer_id = (SELECT customer_id FROM complaints WHERE id = md5('pool-' || :n)::uuid) AND c.category = 'logistics'
  AND c.id <> md5('pool-' || :n)::uuid AND c.received_at >= now() - interval '32 days' AND c.received_at <= now() ORDER BY c.received_at DESC LIMIT 1;
SELECT count(*)::int FROM complaints c WHERE c.customer_id = (SELECT customer_id FROM complaints WHERE id = md5('pool-' || :n)::uuid) AND c.category = 'logistics'
  AND c.id <> md5('pool-' || :n)::uuid AND c.received_at >= now() - interval '32 days' AND c.received_at <= now();
BEGIN;
UPDATE complaint_sla_clocks SET met_at = now() WHERE complaint_id = md5('pool-' || :n)::uuid AND milestone = 'Registered';
INSERT INTO complaint_sla_clocks (id, complaint_id, milestone, started_at, due_at, at_risk_from, paused_working_time)
  VALUES (gen_random_uuid(), md5('pool-' || :n)::uuid, 'Assigned', now(), now() + interval '2 hours', now() + interval '96 minutes', interval '0'),
         (gen_random_uuid(), md5('pool-' || :n)::uuid, 'FirstContact', now(), now() + interval '1 day', now() + interval '19 hours', interval '0'),
         (gen_random_uuid(), md5('pool-' || :n)::uuid, 'SolutionProposed', now(), now() + interval '3 days', now() + interval '58 hours', interval '0')
  ON CONFLICT (complaint_id, milestone) DO UPDATE SET due_at = EXCLUDED.due_at, at_risk_from = EXCLUDED.at_risk_from;
UPDATE complaints SET category = 'logistics', customer_acknowledged_at = now(), first_responder_id = ':staff', registered_at = now(),
       responsible_department_id = (SELECT id FROM departments WHERE code = 'CS'), status = 'Registered', timeline_length = timeline_length + 1,
       sla_started = 15, sla_met = 1, updated_at = now()
  WHERE id = md5('pool-' || :n)::uuid RETURNING xmin, timeline_length;
INSERT INTO complaint_timeline (id, actor_id, actor_kind, at, complaint_id, from_status, kind, sequence, text, to_status)
  SELECT gen_random_uuid(), ':staff', 'staff', now(), id, 'Received', 'Registered', timeline_length, 'Category logistics, severity General.', 'Registered'
  FROM complaints WHERE id = md5('pool-' || :n)::uuid RETURNING position, transaction_id;
INSERT INTO outbox_messages (complaint_id, event_id, event_type, occurred_at, partner_id, fanned_out_at, payload)
  VALUES (md5('pool-' || :n)::uuid, gen_random_uuid(), 'complaint.statusChanged', now(), NULL, now(),
          jsonb_build_object('id', gen_random_uuid(), 'type', 'complaint.statusChanged', 'occurredAt', now(), 'data', jsonb_build_object(
            'kind', 'registered', 'number', 'CC-2026-' || :n, 'status', 'registered', 'channel', 'phone', 'category', 'logistics', 'severity', 'general',
            'complaintId', md5('pool-' || :n), 'previousStatus', 'received', 'escalationLevel', 0, 'timelineSequence', 2, 'externalReference', NULL,
            'responsibleDepartmentId', NULL, 'assigneeId', NULL, 'milestone', NULL, 'dueAt', NULL, 'closingReason', NULL)));
COMMIT;
