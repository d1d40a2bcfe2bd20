import { z } from 'zod';

/**
 * One line of text as the format holds it: any characters but a line break, NUL and U+FFFD. The
 * format has no escape for line breaks, and the parser takes NUL and U+FFFD (a decoder's mark for
 * bytes that were not UTF-8) as signs of a binary file.
 */
export const LineSchema = z.string().regex(/^[^\r\n\0\uFFFD]*$/, { message: 'must be one line of text: no line break, NUL or U+FFFD' });

/** Text of many lines (code): anything but CR, NUL and U+FFFD, for the same reasons. */
export const MultilineSchema = z.string().regex(/^[^\r\0\uFFFD]*$/, { message: 'must be text with \\n line breaks: no CR, NUL or U+FFFD' });

/** A whole number as the format writes it: digits only, within the range a JavaScript number holds exactly. */
export const WholeNumberSchema = z.int().nonnegative().max(Number.MAX_SAFE_INTEGER);
