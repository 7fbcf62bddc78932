// The sponsor's HTTP API as the page calls it (sponsor/README.md lists the routes): one function
// per route, each resolving to `{ ok, status, body, retryAfter }`, and what to tell the person of a
// refusal: a sentence of strings.js for each of the sponsor's error codes.

import { ErrorCode } from '/js/src/errors.js';
import { explainError } from '/js/src/messages.js';

import { explained, hasText } from './i18n.js';

/**
 * fetch + JSON (with `headers` added). Resolves to `{ ok, status, body, retryAfter }`; an error response's body is the
 * sponsor's `{ error, message }` when it sent one, `retryAfter` its Retry-After header (seconds) or
 * null. Network failures reject.
 */
async function api(path, { method = 'GET', body, signal, headers = {} } = {}) {
  const res = await fetch(path, {
    method,
    signal,
    headers: { ...(body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let parsed = null;
  const text = await res.text();
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  return { ok: res.ok, status: res.status, body: parsed, retryAfter: res.headers.get('retry-after') };
}

/** `GET /api/options?base=`: the suffixes offered for `base`. */
export const suffixOptions = (base, signal) => api(`/api/options?base=${encodeURIComponent(base)}`, { signal });

/** `GET /api/info`: the chain as signed texts name it (`chainName`, `genesisHash`, `ss58Prefix`). */
export const chainInfo = () => api('/api/info');

/** `POST /api/payload`: the payload for `base` and `suffix`, and the text to sign (`message`). */
export const preparePayload = (base, suffix) => api('/api/payload', { method: 'POST', body: { baseHandle: base, suffix } });

/** `POST /claims`: the owner's signed payload, to be paid for; `work` the proof of work (work.js), if any. */
export const sendClaim = (owner, signature, payload, work = null) =>
  api('/claims', { method: 'POST', body: { owner, signature, payload }, headers: work ? { 'x-handles-work': work } : {} });

/** `GET /api/work`: a proof-of-work challenge (`{ challenge, bits, expiresInSeconds }`). */
export const workChallenge = () => api('/api/work');

/** `GET /claims/{id}`: where the claim is. */
export const claimStatus = (id) => api(`/claims/${encodeURIComponent(id)}`);

/** `GET /api/lookup?handle=`: who holds `handle` (`null` body when nobody does). */
export const lookup = (handle) => api(`/api/lookup?handle=${encodeURIComponent(handle)}`);

/**
 * What to say of an error response, as `[text, values]` for `show`/`say`: the sentence of its error
 * code (`error.<code>` in strings.js), with `handle`, the display handle the request was about; a
 * name the chain refuses (`InvalidHandle`, e.g. on its own reserved list) explained for `base` by
 * the JavaScript package; else a sentence for its HTTP status.
 */
export function errorMessage(res, { handle = '', base = null } = {}) {
  const code = res.body?.error;
  if (code === 'InvalidHandle' && typeof res.body.message === 'string') {
    const { message } = res.body;
    if (base === null) return [() => message];
    return [explained((lang) => explainError(base, { code: ErrorCode.INVALID_HANDLE, message }, lang), message)];
  }
  if (typeof code === 'string' && hasText(`error.${code}`)) {
    return [`error.${code}`, { handle, seconds: res.retryAfter ?? 60, example: 'Alice.4821' }];
  }
  if (res.status === 429) return ['error.busy'];
  if (res.status >= 500) return ['error.unavailable', { status: res.status }];
  return ['error.refused', { status: res.status }];
}

/** Whether a rejection is an aborted request. */
export const isAbort = (e) => e && e.name === 'AbortError';
