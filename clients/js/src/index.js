// @handles/client: user handles for wallets and apps.

export { ErrorCode, HandlesError } from './errors.js';
export {
  ABI_VERSION,
  MAX_INPUT_BYTES,
  candidates,
  canonical,
  formatDisplay,
  initRules,
  isValid,
  msaId,
  parseDisplay,
  rulesInfo,
  rulesReady,
  suffixOptions,
  validate,
} from './rules.js';
export { MESSAGE_LANGUAGES, explainError, explainRule, initMessages, messagesReady } from './messages.js';
export {
  HANDLES_TAG,
  PayloadKind,
  encodePayload,
  normalizePayload,
  payloadTypes,
  signedMessage,
  signedMessageHex,
  wrappedMessage,
} from './payload.js';
export { eip191, ethereumAccount, signPayload, signReadable, toMultiSignature } from './sign.js';
export { HANDLES_CHAIN_NAME, MAX_CHAIN_NAME_BYTES, signingMessage, signingText } from './signing.js';
export { buildSignedCall, chooseExpiration, expirationFromChain, lookupHandle, lookupHandles, lookupMsas } from './chain.js';
export { MAX_BATCH_LOOKUPS, handlesApiOptions, handlesErrorCodes, handlesRpc, handlesRuntime, handlesTypes } from './definitions.js';
