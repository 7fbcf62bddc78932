/** ABI version of rules-wasm this loader speaks. */
export declare const ABI_VERSION: 1;
/** Longest input, in UTF-8 bytes, any rules function accepts (the node's MAX_VALIDATE_BYTES). */
export declare const MAX_INPUT_BYTES: 256;

/** The crate's `HandleRule` variants. */
export type HandleRuleId =
  | 'NotUtf8'
  | 'TooShort'
  | 'TooLong'
  | 'ForbiddenCharacter'
  | 'DisallowedCharacter'
  | 'MixedScript'
  | 'CanonicalTooShort'
  | 'CanonicalTooLong'
  | 'Reserved'
  | 'LeadingCombiningMark';

/** The crate's `DisplayError` variants (the `rule` of a MALFORMED_DISPLAY_HANDLE error). */
export type DisplayErrorId =
  | 'NotUtf8'
  | 'TooLong'
  | 'MissingSuffix'
  | 'EmptyBase'
  | 'InvalidSuffix'
  | 'DottedBase'
  | 'LeadingCombiningMark';

/** The rule a base handle breaks. */
export interface BrokenRule {
  /** `HandleRule` variant, e.g. `ForbiddenCharacter`. */
  id: HandleRuleId;
  /** `HandleRule::name()`, e.g. `forbidden character`. */
  name: string;
  /** The crate's sentence (`HandleError`'s Display), the same text `handles_validateHandle` returns. */
  message: string;
  /** The offending character, for ForbiddenCharacter, DisallowedCharacter and LeadingCombiningMark. */
  character?: string;
}

export type ValidationResult =
  | { valid: true; canonical: string; error: null; rule: null }
  | { valid: false; canonical: null; error: string; rule: BrokenRule };

/** A 32-byte value: 0x hex (64 digits) or bytes. */
export type Bytes32 = string | Uint8Array;
/** An inclusive suffix range; each end defaults to the crate's default (1000..=9999). */
export interface SuffixRangeInput {
  min?: number | bigint;
  max?: number | bigint;
}

export interface RulesInfo {
  abiVersion: number;
  canonicalVersion: number;
  unicodeVersion: string;
  unicodeSecurityVersion: string;
  maxBaseBytes: number;
  minBaseChars: number;
  maxCanonicalBytes: number;
  maxDisplayBytes: number;
  maxDisplayInputBytes: number;
  maxSuffixDigits: number;
  candidatesPerSeed: number;
  maxSuffixOptions: number;
  defaultSuffixMin: number;
  defaultSuffixMax: number;
  forbiddenChars: string[];
  defaultReserved: string[];
  rules: { id: HandleRuleId; name: string }[];
}

export interface SuffixOptions {
  canonical: string;
  /** Candidates under the current seed, in draw order. */
  current: number[];
  /** Candidates under the previous seed, in draw order. */
  previous: number[];
  /** Union of both, ascending, without duplicates. */
  options: number[];
}

/** Loads the WebAssembly module (done on import in Node.js). */
export declare function initRules(source?: ArrayBuffer | ArrayBufferView | WebAssembly.Module | URL | string | Response): Promise<void>;
export declare function rulesReady(): boolean;
export declare function rulesInfo(): RulesInfo;
/** Validates a base handle with the rules and the default reserved list. */
export declare function validate(base: string | Uint8Array): ValidationResult;
export declare function isValid(base: string | Uint8Array): boolean;
/** Canonical form of any text (no rule checked). */
export declare function canonical(text: string): string;
/** The 10 candidates of a canonical form under one seed, in draw order. */
export declare function candidates(seed: Bytes32, canonicalForm: string, range?: SuffixRangeInput): number[];
/** Suffix options of a (valid) base handle under both seeds; throws INVALID_HANDLE otherwise. */
export declare function suffixOptions(currentSeed: Bytes32, previousSeed: Bytes32, base: string | Uint8Array, range?: SuffixRangeInput): SuffixOptions;
/** The MSA id a new MSA takes for (canonical, suffix). */
export declare function msaId(canonicalForm: string, suffix: number | bigint): number;
/** Splits `base.suffix`; throws MALFORMED_DISPLAY_HANDLE with the DisplayError as `rule`. */
export declare function parseDisplay(display: string | Uint8Array): { base: string; suffix: number };
export declare function formatDisplay(base: string, suffix: number | bigint): string;
/** Checks a u32 argument (number or bigint) and returns it as a number. */
export declare function checkU32(what: string, value: unknown): number;
/** Checks a 32-byte argument (0x hex or bytes) and returns its bytes. */
export declare function check32Bytes(what: string, value: unknown): Uint8Array;
