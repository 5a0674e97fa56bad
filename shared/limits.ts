/** Numeric limits shared by the server's schemas and the web app's forms. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const NAME_MAX = 100;
export const EMAIL_MAX = 254;
export const SHORT_TEXT_MAX = 200;
export const PAGE_SIZE_MAX = 200;
export const ROSTER_MAX_ROWS = 50_000;
/** JSON bodies are small; only the roster import takes a file. */
export const JSON_BODY_MAX_BYTES = 64 * 1024;
export const ROSTER_BODY_MAX_BYTES = 20 * 1024 * 1024;
export const LANGUAGES_MAX = 10;
