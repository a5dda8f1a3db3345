-- pgbench equivalent of scenario 3c (search-phrase.lua: a Chinese phrase or word of the complaints' texts, in 9-12 % of
-- them): the statements the API sends for it. A word of two characters is its own bigram: the search grams narrow the
-- rows and the substring test (strpos) decides; a longer phrase is a LIKE pattern over number, title and description,
-- which the trigram indexes serve. The page is always full for these, so the count follows it: the first 1,001 matches
-- newest first (the list's limit, 1,000, and one more), as the API's count statement reads them. bench.sh runs it prepared with plan_cache_mode = force_custom_plan, as the API runs a
-- search: PostgreSQL folds the chosen phrase into a constant while planning each execution.
\set i random(1, 10)
\if :i <= 3
SELECT c.id, c.number, c.status, c.channel, c.customer_id, c.category, c.severity, c.scope, c.title, c.received_at, c.partner_id,
       c.external_reference, c.first_responder_id, c.responsible_department_id, c.assignee_id, c.escalation_level, c.key_customer,
       c.repeat_count, c.updated_at
FROM complaints c
WHERE complaint_has_search_grams(c.number, c.title, c.description, (ARRAY['退款', '漏水', '闪退'])[:i])
  AND (strpos(lower(c.number), (ARRAY['退款', '漏水', '闪退'])[:i]) - 1 >= 0
    OR strpos(lower(c.title), (ARRAY['退款', '漏水', '闪退'])[:i]) - 1 >= 0
    OR strpos(lower(c.description), (ARRAY['退款', '漏水', '闪退'])[:i]) - 1 >= 0)
ORDER BY c.received_at DESC, c.id DESC
LIMIT 50;
SELECT count(*)::int FROM (
  SELECT 1 FROM complaints c
  WHERE complaint_has_search_grams(c.number, c.title, c.description, (ARRAY['退款', '漏水', '闪退'])[:i])
    AND (strpos(lower(c.number), (ARRAY['退款', '漏水', '闪退'])[:i]) - 1 >= 0
      OR strpos(lower(c.title), (ARRAY['退款', '漏水', '闪退'])[:i]) - 1 >= 0
      OR strpos(lower(c.description), (ARRAY['退款', '漏水', '闪退'])[:i]) - 1 >= 0)
  ORDER BY c.received_at DESC, c.id DESC
  LIMIT 1001) c1;
\else
\set j :i - 3
SELECT c.id, c.number, c.status, c.channel, c.customer_id, c.category, c.severity, c.scope, c.title, c.received_at, c.partner_id,
       c.external_reference, c.first_responder_id, c.responsible_department_id, c.assignee_id, c.escalation_level, c.key_customer,
       c.repeat_count, c.updated_at
FROM complaints c
WHERE lower(c.number) LIKE '%' || (ARRAY['扣款两次', '没有人接听', '约定的日期', '破损并且受潮', '自动停止工作', '无法上网', '退款迟迟未到账'])[:j] || '%'
   OR lower(c.title) LIKE '%' || (ARRAY['扣款两次', '没有人接听', '约定的日期', '破损并且受潮', '自动停止工作', '无法上网', '退款迟迟未到账'])[:j] || '%'
   OR lower(c.description) LIKE '%' || (ARRAY['扣款两次', '没有人接听', '约定的日期', '破损并且受潮', '自动停止工作', '无法上网', '退款迟迟未到账'])[:j] || '%'
ORDER BY c.received_at DESC, c.id DESC
LIMIT 50;
SELECT count(*)::int FROM (
  SELECT 1 FROM complaints c
  WHERE lower(c.number) LIKE '%' || (ARRAY['扣款两次', '没有人接听', '约定的日期', '破损并且受潮', '自动停止工作', '无法上网', '退款迟迟未到账'])[:j] || '%'
     OR lower(c.title) LIKE '%' || (ARRAY['扣款两次', '没有人接听', '约定的日期', '破损并且受潮', '自动停止工作', '无法上网', '退款迟迟未到账'])[:j] || '%'
     OR lower(c.description) LIKE '%' || (ARRAY['扣款两次', '没有人接听', '约定的日期', '破损并且受潮', '自动停止工作', '无法上网', '退款迟迟未到账'])[:j] || '%'
  ORDER BY c.received_at DESC, c.id DESC
  LIMIT 1001) c1;
\endif
