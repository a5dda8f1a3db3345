// A complaint from receipt to closing through the SDK, against a running API (CUSTOMERCARE_BASE_URL), as a front end
// would write it: compiled with tsc --strict and linted (no any, no casts, no non-null assertions), so the generated
// types must be exact for it to compile at all. Run by the .NET test TypeScriptSdkTests, which starts the API.
import assert from 'node:assert/strict';
import {
  closeComplaint,
  createCustomerCareClient,
  getComplaint,
  getComplaintTimeline,
  ifMatch,
  ProblemError,
  proposeSolution,
  receiveComplaint,
  recordCustomerResponse,
  recordInvestigation,
  registerComplaint,
  resolveComplaint,
  signIn,
  unwrap,
  withETag,
  type ComplaintDto,
  type ComplaintStatus,
  type ConflictProblem,
  type Versioned,
} from '../src/index.js';

function setting(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`${name} is not set`);
  }

  return value;
}

/** Typed both sides: a status the contract does not know fails to compile. */
function expectStatus(actual: ComplaintStatus | string | undefined, expected: ComplaintStatus): void {
  assert.equal(actual, expected);
}

const baseUrl = setting('CUSTOMERCARE_BASE_URL');
const anonymous = createCustomerCareClient({ baseUrl });
const session = await unwrap(signIn({ client: anonymous, body: { email: setting('CUSTOMERCARE_EMAIL'), password: setting('CUSTOMERCARE_PASSWORD') } }));
const client = createCustomerCareClient({ baseUrl, credentials: { token: session.accessToken } });

let complaint: Versioned<ComplaintDto> = await withETag(
  receiveComplaint({
    client,
    body: {
      channel: 'phone',
      title: '电水壶底座漏水',
      description: '新买的电水壶用了两天，底座开始漏水。',
      remedySought: '换一台新的',
      customer: { name: '李娜', phone: '138 0013 8001' },
    },
  }),
);
expectStatus(complaint.value.status, 'received');
const id = complaint.value.id;

// A change with a stale ETag is refused (412) and changes nothing; the SDK throws it as a ProblemError.
await assert.rejects(
  withETag(registerComplaint({ client, path: { id }, headers: { 'If-Match': '"0"' }, body: { category: 'productQuality', severity: 'general' } })),
  (error: unknown) => error instanceof ProblemError && error.status === 412 && error.problem.type === '/problems/precondition-failed',
);

complaint = await withETag(
  registerComplaint({ client, path: { id }, headers: ifMatch(complaint), body: { category: 'productQuality', severity: 'general', customerAcknowledged: true } }),
);
expectStatus(complaint.value.status, 'registered');

// Closing a registered complaint as resolved is a state conflict: its problem is typed, with what is allowed now.
const refused = await closeComplaint({ client, path: { id }, headers: ifMatch(complaint), body: { reason: 'resolved' } });
const conflict: ConflictProblem | undefined = refused.response.status === 409 && refused.error !== undefined && 'code' in refused.error ? refused.error : undefined;
assert.ok(conflict, `expected a 409 conflict, got ${refused.response.status}`);
expectStatus(conflict.currentStatus, 'registered');
assert.ok(conflict.allowedActions?.includes('investigate'), `allowed: ${conflict.allowedActions?.join(', ')}`);

complaint = await withETag(
  recordInvestigation({
    client,
    path: { id },
    headers: ifMatch(complaint),
    body: { findings: '底座密封圈有缺陷。', cause: 'terminal', rootCause: '供应商批次 42', isGenuine: true, evidence: ['photo-1.jpg'] },
  }),
);
expectStatus(complaint.value.status, 'investigated');
assert.equal(complaint.value.investigation?.rootCause, '供应商批次 42');

complaint = await withETag(
  proposeSolution({
    client,
    path: { id },
    headers: ifMatch(complaint),
    body: { summary: '更换新水壶', communicatedVia: 'phone', steps: [{ description: '寄出新水壶', dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString() }] },
  }),
);
expectStatus(complaint.value.status, 'solution');

complaint = await withETag(recordCustomerResponse({ client, path: { id }, headers: ifMatch(complaint), body: { accepted: true, comment: '可以' } }));
complaint = await withETag(
  resolveComplaint({ client, path: { id }, headers: ifMatch(complaint), body: { outcome: '已更换水壶', compensationAmount: 50, compensationCurrency: 'CNY', fedBackVia: 'phone' } }),
);
expectStatus(complaint.value.status, 'resolved');

complaint = await withETag(closeComplaint({ client, path: { id }, headers: ifMatch(complaint), body: { reason: 'resolved', satisfaction: 5, comment: '处理得很快' } }));
expectStatus(complaint.value.status, 'closed');
assert.equal(complaint.value.closing?.satisfaction, 5);

// Read back: the same ETag as the last change, and a timeline from receipt to closing.
const read = await withETag(getComplaint({ client, path: { id } }));
assert.equal(read.etag, complaint.etag);
const timeline = await unwrap(getComplaintTimeline({ client, path: { id } }));
const kinds = timeline.map((entry) => entry.kind);
assert.equal(kinds[0], 'received');
assert.equal(kinds[kinds.length - 1], 'closed');

console.log(`lifecycle: complaint ${complaint.value.number} went ${kinds.join(' → ')}`);
