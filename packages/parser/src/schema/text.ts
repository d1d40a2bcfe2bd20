import { z } from 'zod';

/**
 * One line of text as the format holds it: any characters but a line break. The format has no escape
 * for line breaks, so a value with one could not be written back.
 */
export const LineSchema = z.string().regex(/^[^\r\n]*$/, { message: 'must be one line: the post format cannot write a line break here' });

/** A whole number as the format writes it: digits only, within the range a JavaScript number holds exactly. */
export const WholeNumberSchema = z.int().nonnegative().max(Number.MAX_SAFE_INTEGER);
