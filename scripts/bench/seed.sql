-- Seeds the benchmark database set-based: :customers customers and :complaints complaints over two years with their
-- timelines and SLA clocks, plus :pool received complaints the register scenario consumes. Run by scripts/bench.sh
-- (psql -v customers=… -v complaints=… -v pool=… -v template=<customer id> -v partner=<partner id> -v places=<places.txt>
-- -v zh_titles=… -v zh_descriptions=<the lines of texts-zh.txt> -v seed=<this script's version>) after the API
-- has migrated the database and created the template customer, the partner and the handlers through its own API.
--
-- Distributions: receipt skewed towards the recent past; channels, categories and severity weighted as the demo data;
-- complaints older than three weeks are (almost all) closed, newer ones spread over the states. Personal data: every
-- customer carries the template's encrypted name and phone (the benchmark never reads them back) and a lookup key of
-- its own. Working-time measures are drawn from plausible ranges, not computed on the calendar. SLA clocks already
-- overdue or at risk carry their breach and at-risk notes, so the SLA worker has no backlog to catch up on; those of the
-- last days' open complaints come due while the API runs, as they would.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
BEGIN;

CREATE TEMP TABLE t_customer ON COMMIT DROP AS SELECT name, name_keys FROM customers WHERE id = :'template';
CREATE TEMP TABLE t_contact ON COMMIT DROP AS SELECT kind, value FROM customer_contact_points WHERE customer_id = :'template' LIMIT 1;
CREATE TEMP TABLE t_handler ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY id) AS i, id, department_id FROM staff WHERE is_active;
CREATE TEMP TABLE t_department ON COMMIT DROP AS SELECT code, id FROM departments;

INSERT INTO customers (id, name, name_keys, segment, preferred_channel, preferred_language, created_at, updated_at,
                       consent_contact_by_email, consent_contact_by_phone, consent_marketing, reward_points)
SELECT md5('customer-' || n)::uuid, t.name, t.name_keys, CASE WHEN n % 10 = 0 THEN 'vip' ELSE 'standard' END, 'Phone', 'zh-CN',
       now() - interval '800 days', now() - interval '800 days', true, true, n % 3 = 0, 0
FROM generate_series(1, :customers) n, t_customer t;

INSERT INTO customer_contact_points (id, customer_id, kind, value, lookup_key, is_primary)
SELECT md5('contact-' || n)::uuid, md5('customer-' || n)::uuid, t.kind, t.value, encode(sha256(('bench-customer-' || n)::bytea), 'hex'), true
FROM generate_series(1, :customers) n, t_contact t;

-- One row per complaint with every instant it would reach; "stage" is how far it got (0 received … 6 closed).
CREATE TEMP TABLE plan ON COMMIT DROP AS
SELECT n, id, received, channel, category, severity, product, customer_id, handler, root_cause, chinese, place,
       registered, assigned, contacted, investigated, proposed, accepted, resolved, closed, satisfaction,
       LEAST(target,
             CASE WHEN registered > now() THEN 0 WHEN contacted > now() THEN 1 WHEN investigated > now() THEN 2
                  WHEN proposed > now() THEN 3 WHEN resolved > now() THEN 4 WHEN closed > now() THEN 5 ELSE 6 END) AS stage
FROM (
  SELECT n, md5('complaint-' || n)::uuid AS id, received,
         -- Most complaints are written in Chinese, as most of our users write them; each Chinese one names the shop it
         -- was bought at by three characters of :places (scripts/bench/places.txt: 40 characters, 64,000 names, ~11 complaints
         -- each): a customer's own words, which the search-words scenario looks for.
         n % 10 < 7 AS chinese,
         substr(:'places', (1 + h % k)::int, 1) || substr(:'places', (1 + h / k % k)::int, 1) || substr(:'places', (1 + h / (k * k) % k)::int, 1) AS place,
         CASE WHEN r1 < .35 THEN 'Phone' WHEN r1 < .55 THEN 'Email' WHEN r1 < .70 THEN 'WebForm' WHEN r1 < .85 THEN 'OnlineChat'
              WHEN r1 < .90 THEN 'Sms' WHEN r1 < .95 THEN 'SocialMedia' WHEN r1 < .98 THEN 'WalkIn' ELSE 'Partner' END AS channel,
         CASE WHEN r2 < .25 THEN 'productQuality' WHEN r2 < .37 THEN 'serviceAttitude' WHEN r2 < .52 THEN 'afterSales'
              WHEN r2 < .66 THEN 'priceBilling' WHEN r2 < .74 THEN 'orderProcessing' WHEN r2 < .84 THEN 'logistics'
              WHEN r2 < .96 THEN 'technicalFault' WHEN r2 < .97 THEN 'fraud' ELSE 'other' END AS category,
         CASE WHEN r3 < .12 THEN 'Major' ELSE 'General' END AS severity,
         (ARRAY['kettle-k2','toaster-t1','blender-b5','air-fryer-a3','vacuum-v9','fan-f2','broadband-100','mobile-plan-s', NULL, NULL])[1 + floor(r4 * 10)::int] AS product,
         md5('customer-' || (1 + floor(random() * :customers)::int))::uuid AS customer_id,
         1 + floor(r5 * (SELECT count(*) FROM t_handler))::int AS handler,
         (ARRAY['Supplier batch with faulty seals','Assembly defect','Agent not following the script','Spare parts out of stock',
                'Double charge by the payment provider','Courier missed the delivery window','Firmware bug','Promotion not applied'])[1 + floor(random() * 8)::int] AS root_cause,
         received + r6 * interval '90 minutes' + interval '5 minutes' AS registered,
         received + r6 * interval '90 minutes' + interval '20 minutes' + random() * interval '3 hours' AS assigned,
         received + interval '1 hour' + random() * interval '20 hours' AS contacted,
         received + interval '3 hours' + random() * interval '40 hours' AS investigated,
         received + interval '2 days' + random() * interval '3 days' AS proposed,
         received + interval '3 days' + random() * interval '3 days' AS accepted,
         received + interval '4 days' + random() * interval '6 days' AS resolved,
         received + interval '6 days' + random() * interval '10 days' AS closed,
         CASE WHEN random() < .2 THEN NULL ELSE (ARRAY[1,2,2,3,3,3,4,4,4,4,4,4,5,5,5,5,5,5,5,5])[1 + floor(random() * 20)::int] END AS satisfaction,
         CASE WHEN age > interval '21 days' THEN 6 ELSE floor(random() * 7)::int END AS target
  FROM (
    SELECT n, now() - power(random(), 1.4) * interval '730 days' AS received,
           random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6
    FROM generate_series(1, :complaints) n
  ) s, LATERAL (SELECT now() - s.received AS age) a, LATERAL (SELECT abs(hashint4(s.n::int)::bigint) AS h, length(:'places') AS k) x
) p;

-- SLA clocks: started and met at the plan's instants; due after the default targets (as elapsed time: an approximation).
-- Drawn before the complaints, which carry their summary (bit = 1 << milestone, as the application keeps it) from the
-- start: an UPDATE of every complaint afterwards rewrote the whole table and left its heap half empty.
CREATE TEMP TABLE t_clock ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, c.complaint_id, c.milestone, CASE c.milestone WHEN 'FirstContact' THEN 'Calendar' ELSE 'Working' END AS basis,
       c.started_at, c.due_at, c.started_at + (c.due_at - c.started_at) * 0.8 AS at_risk_from, c.met_at,
       CASE WHEN c.met_at > c.due_at OR (c.met_at IS NULL AND c.stage < 6 AND c.due_at <= now()) THEN c.due_at END AS breached_at,
       CASE WHEN c.met_at IS NULL AND c.stage < 6 AND c.started_at + (c.due_at - c.started_at) * 0.8 <= now()
            THEN c.started_at + (c.due_at - c.started_at) * 0.8 END AS at_risk_notified_at,
       interval '0' AS paused_working_time,
       1 << CASE c.milestone WHEN 'Registered' THEN 0 WHEN 'Assigned' THEN 1 WHEN 'FirstContact' THEN 2
                             WHEN 'SolutionProposed' THEN 3 WHEN 'ResultFedBack' THEN 4 ELSE 5 END AS bit
FROM (
  SELECT p.id AS complaint_id, p.stage, m.milestone, m.started_at, m.started_at + m.target AS due_at, m.met_at
  FROM plan p,
  LATERAL (VALUES
      ('Registered', 0, p.received, interval '1 hour', CASE WHEN p.stage >= 1 THEN p.registered END),
      ('Assigned', 1, p.registered, interval '2 hours', CASE WHEN p.stage >= 1 THEN p.assigned END),
      ('FirstContact', 1, p.registered, interval '1 day', CASE WHEN p.stage >= 2 THEN p.contacted END),
      ('SolutionProposed', 1, p.registered, CASE WHEN p.severity = 'Major' THEN interval '7 days' ELSE interval '5 days' END, CASE WHEN p.stage >= 4 THEN p.proposed END),
      ('ResultFedBack', 5, p.accepted, interval '5 days', CASE WHEN p.stage >= 5 THEN p.resolved END),
      ('Resolution', 0, p.received, CASE WHEN p.severity = 'Major' THEN interval '11 days' ELSE interval '8 days' END, CASE WHEN p.stage >= 5 THEN p.resolved END)
  ) AS m(milestone, needs, started_at, target, met_at)
  WHERE p.stage >= m.needs
) c;

CREATE TEMP TABLE t_summary ON COMMIT DROP AS
SELECT complaint_id, bit_or(bit) AS started,
       bit_or(CASE WHEN breached_at IS NULL AND met_at <= due_at THEN bit ELSE 0 END) AS met,
       bit_or(CASE WHEN breached_at IS NOT NULL OR met_at > due_at THEN bit ELSE 0 END) AS missed
FROM t_clock
GROUP BY complaint_id;

-- The complaints' search postings (migration ComplaintSearchPostings) are written after them, in one statement, with their
-- primary key built after that: the trigger would post the million from the INSERT's new rows (a transition table of
-- ~1.3 GB) into a key 28 million entries long, in no order.
ALTER TABLE complaints DISABLE TRIGGER complaint_search_postings_added;
ALTER TABLE complaint_search_postings DROP CONSTRAINT pk_complaint_search_postings;
INSERT INTO complaints (id, number, channel, customer_id, category, severity, title, description, remedy_sought, occurred_at, received_at,
                        partner_id, external_reference, status, first_responder_id, responsible_department_id, assignee_id, escalation_level,
                        registered_at, customer_acknowledged_at, first_contact_at, assigned_at, solution_proposed_at, solution_accepted_at,
                        investigation, solution, customer_response, resolution, closing, repeat_count, reopen_count, timeline_length,
                        first_response_time, resolution_time, product, created_at, updated_at, sla_started, sla_met, sla_missed)
SELECT p.id, 'CC-' || to_char(p.received, 'YYYY') || '-' || lpad(p.n::text, 7, '0'), p.channel, p.customer_id,
       CASE WHEN p.stage >= 1 THEN p.category END, p.severity,
       CASE WHEN p.chinese
         THEN (string_to_array(:'zh_titles', '|'))[1 + p.n % 8]
              || coalesce('（' || p.product || '）', '')
         ELSE (ARRAY['Kettle leaks','Parcel late','Charged twice','Rude agent','App crashes','Repair not done','Router offline','Refund missing'])[1 + p.n % 8]
              || coalesce(' (' || p.product || ')', '') END,
       CASE WHEN p.chinese
         THEN (string_to_array(:'zh_descriptions', '|'))[1 + p.n % 6]
              || '在' || p.place || '店买的。订单号 ' || (100000 + p.n)
         ELSE (ARRAY['The customer reports the problem started two days after delivery.','Called three times without an answer.',
                     'The invoice shows the same order twice.','The technician did not come on the agreed day.',
                     'The device stops working after a few minutes.','The parcel arrived damaged and wet.'])[1 + p.n % 6] || ' Order ' || (100000 + p.n) END,
       'Put it right', p.received - interval '1 day', p.received,
       CASE WHEN p.channel = 'Partner' THEN :'partner'::uuid END, CASE WHEN p.channel = 'Partner' THEN 'BENCH-' || p.n END,
       (ARRAY['Received','Registered','Registered','Investigated','Solution','Resolved','Closed'])[p.stage + 1],
       h.id, CASE WHEN p.stage >= 1 THEN d.id END, CASE WHEN p.stage >= 1 THEN h.id END, 0,
       CASE WHEN p.stage >= 1 THEN p.registered END, CASE WHEN p.stage >= 1 THEN p.registered END,
       CASE WHEN p.stage >= 2 THEN p.contacted END, CASE WHEN p.stage >= 1 THEN p.assigned END,
       CASE WHEN p.stage >= 4 THEN p.proposed END, CASE WHEN p.stage >= 5 THEN p.accepted END,
       CASE WHEN p.stage >= 3 THEN jsonb_build_object('Evidence', '[]'::jsonb, 'Findings', 'Checked with the customer and the records.', 'IsGenuine', true,
                                                     'RootCause', p.root_cause, 'CorrectiveAction', NULL) END,
       CASE WHEN p.stage >= 4 THEN jsonb_build_object('Steps', '[]'::jsonb, 'Summary', 'Replacement or refund.', 'CommunicatedAt', p.proposed, 'CommunicatedVia', p.channel) END,
       CASE WHEN p.stage >= 5 THEN jsonb_build_object('Comment', 'Agreed.', 'Accepted', true, 'RespondedAt', p.accepted, 'RecourseOffered', NULL) END,
       CASE WHEN p.stage >= 5 THEN jsonb_build_object('Outcome', 'Carried out as agreed.', 'ResolvedAt', p.resolved, 'CompensationAmount', NULL,
                                                     'CompensationCurrency', NULL, 'CompensationDescription', NULL) END,
       CASE WHEN p.stage >= 6 THEN jsonb_build_object('Reason', 'Resolved', 'Comment', NULL, 'ClosedAt', p.closed, 'Satisfaction', p.satisfaction) END,
       0, 0, 1 + (p.stage >= 1)::int * 2 + (p.stage >= 2)::int + (p.stage >= 3)::int + (p.stage >= 4)::int + (p.stage >= 5)::int * 2 + (p.stage >= 6)::int,
       CASE WHEN p.stage >= 2 THEN (p.contacted - p.received) * 0.375 END,
       CASE WHEN p.stage >= 5 THEN (p.resolved - p.received) * 0.375 END,
       p.product, p.received, greatest(p.received, LEAST(now(), p.closed)), coalesce(k.started, 0), coalesce(k.met, 0), coalesce(k.missed, 0)
FROM plan p
LEFT JOIN t_summary k ON k.complaint_id = p.id
JOIN t_handler h ON h.i = p.handler
LEFT JOIN t_department d ON d.code = CASE p.category WHEN 'productQuality' THEN 'QA' WHEN 'afterSales' THEN 'AS' WHEN 'technicalFault' THEN 'TS' ELSE 'CS' END;

ALTER TABLE complaints ENABLE TRIGGER complaint_search_postings_added;
INSERT INTO complaint_search_postings (gram, received_at, complaint_id)
SELECT g, c.received_at, c.id FROM complaints c CROSS JOIN LATERAL unnest(c.search_grams) AS g WHERE length(g) = 2;
ALTER TABLE complaint_search_postings ADD CONSTRAINT pk_complaint_search_postings PRIMARY KEY (gram, received_at, complaint_id);

-- The timeline: one entry per step reached, numbered in order.
INSERT INTO complaint_timeline (id, complaint_id, sequence, at, actor_kind, actor_id, kind, from_status, to_status, text)
SELECT gen_random_uuid(), e.complaint_id, row_number() OVER (PARTITION BY e.complaint_id ORDER BY e.step), e.at, e.actor_kind, e.actor_id,
       e.kind, e.from_status, e.to_status, e.text
FROM (
  SELECT p.id AS complaint_id, s.step, s.at, CASE WHEN s.step = 0 THEN 'system' ELSE 'staff' END AS actor_kind,
         CASE WHEN s.step = 0 THEN NULL ELSE h.id END AS actor_id, s.kind, s.from_status, s.to_status, s.text
  FROM plan p JOIN t_handler h ON h.i = p.handler,
  LATERAL (VALUES
      (0, 0, p.received, 'Received', NULL, 'Received', 'Received via ' || lower(p.channel) || '.'),
      (1, 1, p.registered, 'Registered', 'Received', 'Registered', 'Category ' || p.category || ', severity ' || p.severity || '.'),
      (2, 1, p.assigned, 'Assigned', NULL, NULL, 'Handles this category'),
      (3, 2, p.contacted, 'ContactLogged', NULL, NULL, 'outbound via phone: Called the customer back.'),
      (4, 3, p.investigated, 'Investigated', 'Registered', 'Investigated', 'Genuine. Checked with the customer and the records.'),
      (5, 4, p.proposed, 'SolutionProposed', 'Investigated', 'Solution', 'Replacement or refund.'),
      (6, 5, p.accepted, 'SolutionAccepted', NULL, NULL, 'Agreed.'),
      (7, 5, p.resolved, 'Resolved', 'Solution', 'Resolved', 'Carried out as agreed.'),
      (8, 6, p.closed, 'Closed', 'Resolved', 'Closed', 'Closed: Resolved.')
  ) AS s(step, needs, at, kind, from_status, to_status, text)
  WHERE p.stage >= s.needs
) e;

INSERT INTO complaint_sla_clocks (id, complaint_id, milestone, basis, started_at, due_at, at_risk_from, met_at, breached_at, at_risk_notified_at, paused_working_time)
SELECT id, complaint_id, milestone, basis, started_at, due_at, at_risk_from, met_at, breached_at, at_risk_notified_at, paused_working_time
FROM t_clock;

SELECT setval('complaint_number_seq', greatest((SELECT last_value FROM complaint_number_seq), :complaints + 1));

CREATE TABLE IF NOT EXISTS bench_meta (complaints bigint NOT NULL, customers bigint NOT NULL, pool_next bigint NOT NULL DEFAULT 1,
                                       seeded_at timestamptz NOT NULL DEFAULT now(), seed text);
TRUNCATE bench_meta;
INSERT INTO bench_meta (complaints, customers, seed) VALUES (:complaints, :customers, :'seed');
COMMIT;
