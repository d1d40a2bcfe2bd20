// The limits and name syntax of a rules file, in a module of their own: the rules schema (zod) and
// the compiled-rules loader (no zod) both hold a file to them.

/** More rules than this is a generated file gone wrong; the limit keeps compile time bounded. */
export const MAX_RULES = 2000;
export const MAX_KEY_TEMPLATES = 64;
export const MAX_LIST = 64;

/** A rule's or a bypass condition's name. */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
export const NAME_RULE = 'a name is 1-100 letters, digits, ".", "_" or "-", starting with a letter or digit';
