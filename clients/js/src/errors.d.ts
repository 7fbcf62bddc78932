/** Error codes of {@link HandlesError}. */
export declare const ErrorCode: Readonly<{
  WRONG_TYPE: 'WRONG_TYPE';
  TOO_LONG: 'TOO_LONG';
  NOT_UTF8: 'NOT_UTF8';
  OUT_OF_RANGE: 'OUT_OF_RANGE';
  BAD_BYTES: 'BAD_BYTES';
  BAD_RANGE: 'BAD_RANGE';
  INVALID_HANDLE: 'INVALID_HANDLE';
  MALFORMED_DISPLAY_HANDLE: 'MALFORMED_DISPLAY_HANDLE';
  BAD_PAYLOAD: 'BAD_PAYLOAD';
  BAD_SIGNER: 'BAD_SIGNER';
  WASM: 'WASM';
  CHAIN: 'CHAIN';
}>;
export type ErrorCodeName = keyof typeof ErrorCode;

/** A refused input or a failed operation. */
export declare class HandlesError extends Error {
  constructor(code: ErrorCodeName, message: string, details?: { rule?: string; cause?: unknown });
  readonly name: 'HandlesError';
  /** What kind of problem. */
  readonly code: ErrorCodeName;
  /**
   * For INVALID_HANDLE the crate's `HandleRule` variant (`ForbiddenCharacter`, ...); for
   * MALFORMED_DISPLAY_HANDLE its `DisplayError` variant (`MissingSuffix`, ...).
   */
  readonly rule?: string;
}
