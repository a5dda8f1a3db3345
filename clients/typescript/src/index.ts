// The CustomerCare SDK: every operation and type of the contract (generated into ./generated from openapi.yaml by
// @hey-api/openapi-ts; regenerate with scripts/openapi.sh), and the few helpers the generated code alone makes awkward:
// a client holding exactly one credential, a resource read with its ETag, If-Match from it, and problems as errors.
import { createClient, createConfig, type Client } from './generated/client/index.js';

export * from './generated/index.js';
export type { Client } from './generated/client/index.js';

/** Staff sign in for a bearer token (POST /api/v1/auth/token); partner systems hold an API key. Send one, never both. */
export type Credentials = { readonly token: string } | { readonly apiKey: string };

export interface ClientOptions {
  /** Where the API is, e.g. `https://care.example.com` (the contract's paths start with /api/v1). */
  readonly baseUrl: string;
  readonly credentials?: Credentials;
  /** A fetch of your own (tests, proxies); the global one otherwise. */
  readonly fetch?: typeof fetch;
}

/**
 * A client for the API. Operations open to staff and partners list both security schemes; this client answers only
 * the scheme of the credential it holds, so a request never carries both (the API refuses that with 400).
 */
export function createCustomerCareClient(options: ClientOptions): Client {
  const credentials = options.credentials;
  return createClient(
    createConfig({
      baseUrl: options.baseUrl,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      auth: (scheme) => {
        if (credentials === undefined) {
          return undefined;
        }

        if (scheme.type === 'http' && 'token' in credentials) {
          return credentials.token;
        }

        return scheme.type === 'apiKey' && 'apiKey' in credentials ? credentials.apiKey : undefined;
      },
    }),
  );
}

/** RFC 9457 problem details as the API sends them: every error response has at least these members. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance: string;
  readonly traceId: string;
}

/** An error answer of the API, with its problem details (compare `problem.type`, e.g. `/problems/state-conflict`). */
export class ProblemError<TProblem extends Problem = Problem> extends Error {
  constructor(
    readonly status: number,
    readonly problem: TProblem,
  ) {
    super(`${status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
    this.name = 'ProblemError';
  }
}

/** What every generated operation resolves to (the client's default "fields" response style): data or error. */
export interface Settled {
  readonly data: unknown;
  readonly error: unknown;
  readonly request: Request;
  readonly response: Response;
}

/** The body of a successful answer of an operation (`R` is the operation's result). */
export type DataOf<R> = R extends { readonly data: infer D } ? Exclude<D, undefined> : never;

/** The problems an operation declares (`R` is the operation's result): a union of the contract's problem schemas. */
export type ProblemOf<R> = R extends { readonly error: infer E } ? Extract<Exclude<E, undefined>, Problem> : never;

/** A resource as read or changed, with the ETag to send as If-Match when changing it next. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

function failed<R extends Settled>(result: R): result is R & { readonly error: ProblemOf<R> } {
  return result.error !== undefined;
}

function carries<R extends Settled>(result: R): result is R & { readonly data: DataOf<R> } {
  return result.data !== undefined;
}

async function settle<R extends Settled>(call: Promise<R>): Promise<R & { readonly data: DataOf<R> }> {
  const result = await call;
  if (failed(result)) {
    throw new ProblemError(result.response.status, result.error);
  }

  if (!carries(result)) {
    throw new Error(`${result.request.method} ${result.request.url} answered ${result.response.status} without a body`);
  }

  return result;
}

/** The body of a successful answer; a problem answer is thrown as a {@link ProblemError} typed with the operation's problems. */
export async function unwrap<R extends Settled>(call: Promise<R>): Promise<DataOf<R>> {
  return (await settle(call)).data;
}

/** The body of a successful answer with its ETag (a GET of a versioned resource, or a change of one). */
export async function withETag<R extends Settled>(call: Promise<R>): Promise<Versioned<DataOf<R>>> {
  const result = await settle(call);
  const etag = result.response.headers.get('ETag');
  if (etag === null) {
    throw new Error(`${result.request.method} ${result.request.url} answered without an ETag: it is not a versioned resource`);
  }

  return { value: result.data, etag };
}

/** The If-Match header that changes `resource` only if nobody changed it since it was read (a stale one answers 412). */
export function ifMatch(resource: Versioned<unknown>): { 'If-Match': string } {
  return { 'If-Match': resource.etag };
}
