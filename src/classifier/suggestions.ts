/** Defined (true) by the send handler's build (webpack.config.js), which never shows suggestions. */
declare const __ST_NO_SUGGESTIONS__: boolean | undefined;

/**
 * Whether this build carries the better phrasings shown beside findings. False in the send
 * handler's bundle, which loads on every Send and never shows them: there every
 * `SUGGESTIONS ? '...' : undefined` minifies to undefined and the text is left out.
 */
export const SUGGESTIONS = !(typeof __ST_NO_SUGGESTIONS__ !== 'undefined' && __ST_NO_SUGGESTIONS__);
