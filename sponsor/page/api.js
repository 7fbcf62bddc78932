// The sponsor's HTTP API as the page calls it (sponsor/README.md lists the routes): one function
// per route, each resolving to `{ ok, status, body }`, and the one-line message of a refusal.

/**
 * fetch + JSON. Resolves to `{ ok, status, body }`; an error response's body is the sponsor's
 * `{ error, message }` when it sent one. Network failures reject.
 */
async function api(path, { method = 'GET', body, signal } = {}) {
  const res = await fetch(path, {
    method,
    signal,
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
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
  return { ok: res.ok, status: res.status, body: parsed };
}

/** `GET /api/options?base=`: the suffixes offered for `base`. */
export const suffixOptions = (base, signal) => api(`/api/options?base=${encodeURIComponent(base)}`, { signal });

/** `POST /api/payload`: the payload for `base` and `suffix`, and the message to sign. */
export const preparePayload = (base, suffix) => api('/api/payload', { method: 'POST', body: { baseHandle: base, suffix } });

/** `POST /claims`: the owner's signed payload, to be paid for. */
export const sendClaim = (owner, signature, payload) => api('/claims', { method: 'POST', body: { owner, signature, payload } });

/** `GET /claims/{id}`: where the claim is. */
export const claimStatus = (id) => api(`/claims/${encodeURIComponent(id)}`);

/** `GET /api/lookup?handle=`: who holds `handle` (`null` body when nobody does). */
export const lookup = (handle) => api(`/api/lookup?handle=${encodeURIComponent(handle)}`);

/** The one-line message of an error response. */
export function errorMessage(res) {
  if (res.body && typeof res.body.message === 'string' && res.body.message) return res.body.message;
  if (res.status === 429) return 'Too many requests: wait a moment and try again.';
  if (res.status >= 500) return `The sponsor is not available right now (HTTP ${res.status}); try again later.`;
  return `The sponsor refused the request (HTTP ${res.status}).`;
}

/** Whether a rejection is an aborted request. */
export const isAbort = (e) => e && e.name === 'AbortError';
