-- pgbench equivalent of scenario 1 (POST /complaints by a partner with an Idempotency-Key): the same statements in the
-- same transaction as the API issues them (statement log of one request), with the same indexes hit. Since 2026-12-03
-- the key is claimed, the complaint written and the response stored in one transaction: one commit (ADR 0004).
\set n random(1, 2000000000)
SELECT p.id, p.name, p.is_active, k.hash, k.revoked_at, k.expires_at FROM partners p
  JOIN partner_api_keys k ON k.partner_id = p.id WHERE k.prefix = ':prefix' LIMIT 2;
BEGIN;
WITH wait AS (SELECT set_config('lock_timeout', '10000ms', true))
INSERT INTO idempotency_keys (scope, key, fingerprint, state, created_at, locked_until, expires_at)
  SELECT 'partner:' || ':partner', 'pg-' || :client_id || '-' || :n || '-' || txid_current(), md5(:n::text), 'InFlight', now(), now() + interval '10 seconds', now() + interval '1 day' FROM wait
  ON CONFLICT (scope, key) DO UPDATE SET state = 'InFlight' WHERE idempotency_keys.expires_at <= now() OR idempotency_keys.state = 'InFlight'
  RETURNING 1;
SELECT c.id FROM complaints c WHERE c.partner_id = ':partner' AND c.external_reference = 'pg-' || :n LIMIT 1;
SELECT c.id FROM customers c WHERE c.erased_at IS NULL AND c.merged_into_id IS NULL
  AND EXISTS (SELECT 1 FROM customer_contact_points p WHERE p.customer_id = c.id AND p.lookup_key = ANY (ARRAY[encode(sha256(('pg-phone-' || :n)::bytea), 'hex')]))
  ORDER BY c.created_at LIMIT 1;
SELECT nextval('complaint_number_seq');
SAVEPOINT "__EFSavePoint";
INSERT INTO customer_access_log (id, action, actor_id, actor_kind, at, customer_id) VALUES (gen_random_uuid(), 'Created', ':partner', 'partner', now(), md5('pgc-' || :n)::uuid);
INSERT INTO customers (id, name, name_keys, segment, created_at, updated_at, consent_contact_by_email, consent_contact_by_phone, consent_marketing, reward_points)
  VALUES (md5('pgc-' || :n)::uuid, 'CfDJ8IfnzXWUvN5Ovf3pEt9PYTwaDuownDJuDEIMOfS_SbstJdoT0Ez1hXmpN-9-nIasxbXfYfcye3mozyCFp5n1ZQvNcDAbCdEfGh', ARRAY[md5('a' || :n), md5('b' || :n), md5('c' || :n)],
          'standard', now(), now(), false, false, false, 0);
INSERT INTO customer_contact_points (id, customer_id, kind, value, lookup_key, is_primary)
  VALUES (gen_random_uuid(), md5('pgc-' || :n)::uuid, 'Phone', 'CfDJ8IfnzXWUvN5Ovf3pEt9PYTwaDuownDJuDEIMOfS_SbstJdoT0Ez1hXmpN-9-nIasxbXfYfcye3mozy', encode(sha256(('pg-phone-' || :n)::bytea), 'hex'), true);
-- Marked fanned out as it is written: the API's dispatcher must not inherit pgbench's messages.
INSERT INTO outbox_messages (complaint_id, event_id, event_type, occurred_at, partner_id, fanned_out_at, payload)
  VALUES (md5('pg-' || :n)::uuid, gen_random_uuid(), 'complaint.received', now(), ':partner', now(),
          jsonb_build_object('id', gen_random_uuid(), 'type', 'complaint.received', 'occurredAt', now(), 'data', jsonb_build_object(
            'kind', 'received', 'number', 'CC-2026-' || :n, 'status', 'received', 'channel', 'partner', 'category', NULL, 'severity', 'general',
            'complaintId', md5('pg-' || :n), 'previousStatus', NULL, 'escalationLevel', 0, 'timelineSequence', 1, 'externalReference', 'pg-' || :n,
            'responsibleDepartmentId', NULL, 'assigneeId', NULL, 'milestone', NULL, 'dueAt', NULL, 'closingReason', NULL)));
INSERT INTO complaints (id, number, channel, customer_id, severity, title, description, received_at, partner_id, external_reference, status,
                        escalation_level, repeat_count, reopen_count, timeline_length, sla_started, sla_met, sla_missed, created_at, updated_at)
  VALUES (md5('pg-' || :n)::uuid, 'PG-' || :n || '-' || txid_current(), 'Partner', md5('pgc-' || :n)::uuid, 'General',
          CASE WHEN :n % 10 < 7 THEN (string_to_array(':zh_titles', '|'))[1 + :n % 8] ELSE 'Parcel not delivered' END,
          CASE WHEN :n % 10 < 7 THEN (string_to_array(':zh_descriptions', '|'))[1 + :n % 6] || '参考号 pg-' || :n || '。'
               ELSE 'Ordered a week ago, still not here. Ref pg-' || :n || '.' END, now(), ':partner', 'pg-' || :n || '-' || txid_current(), 'Received', 0, 0, 0, 1, 33, 0, 0, now(), now())
  RETURNING xmin;
INSERT INTO complaint_timeline (id, complaint_id, sequence, at, actor_kind, actor_id, kind, to_status, text)
  VALUES (gen_random_uuid(), md5('pg-' || :n)::uuid, 1, now(), 'partner', ':partner', 'Received', 'Received', 'Received via partner.') RETURNING position, transaction_id;
INSERT INTO complaint_sla_clocks (id, complaint_id, milestone, started_at, due_at, at_risk_from, paused_working_time)
  VALUES (gen_random_uuid(), md5('pg-' || :n)::uuid, 'Registered', now(), now() + interval '1 hour', now() + interval '48 minutes', interval '0'),
         (gen_random_uuid(), md5('pg-' || :n)::uuid, 'Resolution', now(), now() + interval '8 days', now() + interval '6 days', interval '0');
-- The receipt notification, recorded not sent (a partner's new customer has given no consent), its text encrypted.
INSERT INTO notifications (id, source, complaint_id, event, channel, audience, recipient_id, language, template, text, sms_segments, status,
                           not_sent_reason, attempts, next_attempt_at, created_at)
  VALUES (gen_random_uuid(), 'timeline:' || md5('pg-' || :n) || ':1', md5('pg-' || :n)::uuid, 'ComplaintReceived', 'Sms', 'Customer', md5('pgc-' || :n)::uuid,
          'zh-CN', 'complaintReceived/sms/zh-CN', 'CfDJ8IfnzXWUvN5Ovf3pEt9PYTwaDuownDJuDEIMOfS_SbstJdoT0Ez1hXmpN-9-nIasxbXfYfcye3mozyCFp5n1ZQvNcDAbCdEfGhCfDJ8IfnzXWUvN5Ovf3pEt9PYTwaDuownDJuDEIMOfS_SbstJdoT0Ez1hXmpN',
          1, 'NotSent', 'NoConsent', 0, now(), now());
RELEASE SAVEPOINT "__EFSavePoint";
UPDATE idempotency_keys SET state = 'Completed', status_code = 201, response = decode(repeat('ab', 1350), 'hex'), subjects = ARRAY[md5('pg-' || :n)::uuid]
  WHERE scope = 'partner:' || ':partner' AND key = 'pg-' || :client_id || '-' || :n || '-' || txid_current();
COMMIT;
