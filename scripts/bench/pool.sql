-- Adds :count received complaints for the register scenario (each request registers one), numbered on from
-- bench_meta.pool_next: ids md5('pool-' || n). Received two days ago, so their registration clock is already breached
-- and noted: the SLA worker has nothing to do for them while the benchmark runs. Written in Chinese and English as the
-- seeded ones are (texts-zh.txt, as -v zh_titles and -v zh_descriptions), so that a search walking the newest first meets
-- its phrases among them as often as among the others.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE t_pool ON COMMIT DROP AS
  SELECT n, md5('pool-' || n)::uuid AS id, now() - interval '2 days' - random() * interval '1 hour' AS received,
         md5('customer-' || (1 + floor(random() * (SELECT customers FROM bench_meta))::int))::uuid AS customer_id
  FROM generate_series((SELECT pool_next FROM bench_meta), (SELECT pool_next FROM bench_meta) + :count - 1) n;

INSERT INTO complaints (id, number, channel, customer_id, severity, title, description, received_at, status, escalation_level,
                        repeat_count, reopen_count, timeline_length, sla_started, sla_met, sla_missed, created_at, updated_at)
SELECT p.id, 'CC-' || to_char(p.received, 'YYYY') || '-' || lpad(nextval('complaint_number_seq')::text, 7, '0'), 'Phone', p.customer_id,
       'General',
       CASE WHEN p.n % 10 < 7 THEN (string_to_array(:'zh_titles', '|'))[1 + p.n % 8] ELSE 'Parcel late' END,
       CASE WHEN p.n % 10 < 7 THEN (string_to_array(:'zh_descriptions', '|'))[1 + p.n % 6] || '订单号 ' || (500000 + p.n)
            ELSE 'The parcel has not arrived. Order ' || (500000 + p.n) END, p.received, 'Received', 0, 0, 0, 1, 33, 0, 1, p.received, p.received
FROM t_pool p;

INSERT INTO complaint_timeline (id, complaint_id, sequence, at, actor_kind, kind, to_status, text)
SELECT gen_random_uuid(), p.id, 1, p.received, 'system', 'Received', 'Received', 'Received via phone.' FROM t_pool p;

INSERT INTO complaint_sla_clocks (id, complaint_id, milestone, started_at, due_at, at_risk_from, breached_at, at_risk_notified_at, paused_working_time)
SELECT gen_random_uuid(), p.id, 'Registered', p.received, p.received + interval '1 hour', p.received + interval '48 minutes',
       p.received + interval '1 hour', p.received + interval '48 minutes', interval '0'
FROM t_pool p
UNION ALL
SELECT gen_random_uuid(), p.id, 'Resolution', p.received, p.received + interval '8 days', p.received + interval '6 days', NULL, NULL, interval '0'
FROM t_pool p;

UPDATE bench_meta SET pool_next = pool_next + :count;
COMMIT;
