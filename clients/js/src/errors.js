// The one error type of @handles/client.

/**
 * Error codes of {@link HandlesError}; each names one kind of problem. `INVALID_HANDLE` and
 * `MALFORMED_DISPLAY_HANDLE` carry the rule (`error.rule`) the Rust crate reported.
 */
export const ErrorCode = Object.freeze({
  /** A value of the wrong JavaScript type (a number where text belongs, ...). */
  WRONG_TYPE: 'WRONG_TYPE',
  /** Text or bytes longer than the function accepts. */
  TOO_LONG: 'TOO_LONG',
  /** Text that is not well-formed Unicode (a lone surrogate) or bytes that are not UTF-8. */
  NOT_UTF8: 'NOT_UTF8',
  /** A number that is not an integer in the range the function takes (a u32, a block number). */
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  /** Hex that is not hex, or bytes of the wrong length (seeds, hashes, accounts, signatures). */
  BAD_BYTES: 'BAD_BYTES',
  /** A suffix range whose minimum is above its maximum. */
  BAD_RANGE: 'BAD_RANGE',
  /** A base handle that breaks a rule, where a valid one is required. */
  INVALID_HANDLE: 'INVALID_HANDLE',
  /** A display handle that is not `base.suffix`. */
  MALFORMED_DISPLAY_HANDLE: 'MALFORMED_DISPLAY_HANDLE',
  /** A payload kind or field that does not exist, or is missing. */
  BAD_PAYLOAD: 'BAD_PAYLOAD',
  /** A signer that offers neither `sign` (keyring pair) nor `signRaw` (extension), or refused. */
  BAD_SIGNER: 'BAD_SIGNER',
  /** The WebAssembly module is not loaded, is of another ABI, or trapped. */
  WASM: 'WASM',
  /** The chain answered something this client cannot use. */
  CHAIN: 'CHAIN',
});

/** A refused input or a failed operation; `code` is one of {@link ErrorCode}. */
export class HandlesError extends Error {
  /**
   * @param {string} code one of ErrorCode
   * @param {string} message what is wrong, naming the argument
   * @param {{ rule?: string, cause?: unknown }} [details]
   */
  constructor(code, message, details = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'HandlesError';
    this.code = code;
    if (details.rule !== undefined) this.rule = details.rule;
  }
}
