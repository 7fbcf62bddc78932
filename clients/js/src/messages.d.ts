import type { BrokenRule, HandleRuleId, DisplayErrorId } from './rules.js';

/** The languages every message is written in. */
export declare const MESSAGE_LANGUAGES: readonly ['en', 'hi', 'ar', 'es'];
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/** The message table (messages.json): languages, character groups, scripts and texts. */
export interface MessageTable {
  languages: string[];
  characters: Record<string, 'space' | 'invisible' | 'letter' | 'digit' | 'other'>;
  emojiBlocks: [number, number][];
  markBase: string;
  /** ISO 15924 code -> English name. */
  scripts: Record<string, string>;
  text: Record<string, Record<string, unknown>>;
}

/**
 * Loads the message table: the table itself, a URL (or a string relative to this module) or a
 * `Response`; by default messages.json beside this module, which happens on import.
 */
export declare function initMessages(source?: MessageTable | URL | string | Response): Promise<void>;
/** Whether the message table is loaded. */
export declare function messagesReady(): boolean;

/**
 * What a person should change about `input`, which breaks `rule` (the `rule` of `validate(input)`,
 * or its id), in `lang` (`en`, `hi`, `ar`, `es`; `es-MX` counts as `es`, any other as English).
 * Names the character as it looks and where it is, the alphabets when they mix, lengths in
 * characters, and what to do instead. `rule.message` (the crate's sentence) is unchanged.
 */
export declare function explainRule(input: string | Uint8Array, rule: BrokenRule | HandleRuleId, lang?: string): string;

/**
 * The same from an error this package threw about `input`: `TOO_LONG` (over `MAX_INPUT_BYTES`) as
 * TooLong, `NOT_UTF8` as NotUtf8, `INVALID_HANDLE` by the rule `input` breaks,
 * `MALFORMED_DISPLAY_HANDLE` by its DisplayError ({@link DisplayErrorId}); any other error gives its
 * own message.
 */
export declare function explainError(input: string, error: unknown, lang?: string): string;
