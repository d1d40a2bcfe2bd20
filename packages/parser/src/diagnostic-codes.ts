import type { PostParseError } from './post-parse-error.ts';

/** What a diagnostic code means, for people: the source of the error-code table in the docs. */
export interface CodeInfo {
  /** One sentence: what was found. */
  meaning: string;
  /** What to do about it. */
  fix: string;
  /** Whether the same input can succeed on another try: `'sometimes'` where it depends on the cause. */
  retry: 'no' | 'sometimes';
}

/**
 * Every code `parsePost`, `lintPost` and `loadPosts` report. `DiagnosticCode` is this table's keys,
 * so a new code cannot ship without its entry, nor an entry outlive its code.
 */
export const DIAGNOSTIC_CODES = {
  'invalid-input': { meaning: 'parsePost was given something other than a string.', fix: 'Pass the file\'s text, decoded as UTF-8.', retry: 'no' },
  'empty-file': { meaning: 'The file is empty or holds only blank lines.', fix: 'Write a post: a title, the body, then "alphanode post meta" and its fields.', retry: 'no' },
  'binary-content': { meaning: 'The text holds a NUL byte or U+FFFD, so the file is binary or was not UTF-8.', fix: 'Re-export the post as UTF-8 text.', retry: 'no' },
  'control-character': { meaning: 'A field holds a control character (lintPost).', fix: 'Remove the character; a post holds printable text.', retry: 'no' },
  'byte-order-mark': { meaning: 'A UTF-8 byte-order mark starts the file; it was removed (info).', fix: 'Nothing; stringifyPost writes the file without it.', retry: 'no' },
  'crlf-line-endings': { meaning: 'CRLF or CR line endings were normalised to LF (info).', fix: 'Nothing; stringifyPost writes LF, and positions count lines after normalising.', retry: 'no' },
  'trailing-blank-lines': { meaning: 'Blank lines at the end of the file were dropped (info).', fix: 'Nothing.', retry: 'no' },
  'read-failed': { meaning: 'loadPosts could not read the file; the message names the system error.', fix: 'Check the path and its permissions. EMFILE, ENFILE, EBUSY, EAGAIN, ETIMEDOUT, EINTR and EIO are marked retryable.', retry: 'sometimes' },
  'missing-title': { meaning: 'The line where the title belongs is blank or is another part of the post.', fix: 'Put the title on the first line (after the breadcrumb line, if there is one).', retry: 'no' },
  'expected-blank-line': { meaning: 'The "alphanode post meta" marker follows a body line with no blank line between.', fix: 'Add a blank line before the marker.', retry: 'no' },
  'missing-meta': { meaning: 'The file ends without an "alphanode post meta" line.', fix: 'Add the meta block after the body.', retry: 'no' },
  'missing-similar': { meaning: 'The file ends after the meta block, without "Similar Posts".', fix: 'Add a blank line and "Similar Posts" (and the titles, if any).', retry: 'no' },
  'unexpected-content': { meaning: 'A line stands where the layout allows none: a stray meta marker in the body, text between the meta block and "Similar Posts", a blank line among similar titles.', fix: 'Remove or move the line the message names.', retry: 'no' },
  'ambiguous-line': { meaning: 'The classifier\'s rules disagreed on a lone body line (info); the message names the rule that decided.', fix: 'Nothing, or reword the line if it was read as the wrong kind of block.', retry: 'no' },
  'unknown-label': { meaning: 'A meta line starts with no known label; it is kept in meta.extra (a warning, an error under strict).', fix: 'Fix the label\'s spelling, or keep it as an extra field.', retry: 'no' },
  'label-not-alone': { meaning: 'A list or object label has text after it on its line.', fix: 'Put the label alone on its line and its items on bullet lines below.', retry: 'no' },
  'duplicate-field': { meaning: 'A meta field appears twice; the first is kept.', fix: 'Remove one of the two.', retry: 'no' },
  'missing-field': { meaning: 'A required meta field is absent.', fix: 'Add the field the message names.', retry: 'no' },
  'orphan-bullet': { meaning: 'A nested bullet has no entry above it to belong to.', fix: 'Indent it under an entry, or remove it.', retry: 'no' },
  'malformed-bullet': { meaning: 'A bullet line does not have the shape its field needs (a missing "•", or no "key: value").', fix: 'Write it as the message shows.', retry: 'no' },
  'unknown-key': { meaning: 'An object field holds a key it does not define.', fix: 'Use one of the keys the message lists.', retry: 'no' },
  'duplicate-key': { meaning: 'A key appears twice in one object entry; the first is kept.', fix: 'Remove one of the two.', retry: 'no' },
  'missing-key': { meaning: 'An object entry lacks a required key.', fix: 'Add the key the message names.', retry: 'no' },
  'invalid-number': { meaning: 'A number field holds something other than a non-negative whole number.', fix: 'Write digits only.', retry: 'no' },
  'invalid-flag': { meaning: 'A flag is neither 0 nor 1.', fix: 'Write 0 or 1.', retry: 'no' },
  'invalid-date': { meaning: 'A date is not a real calendar date as YYYY-MM-DD.', fix: 'Write the date as YYYY-MM-DD.', retry: 'no' },
  'paragraph-count': { meaning: 'payload "paragraphs" differs from the body\'s paragraph count (lintPost).', fix: 'Correct the count, or the body.', retry: 'no' },
  'has-images-flag': { meaning: 'flags "has images" disagrees with whether the body has images (lintPost).', fix: 'Set the flag to match the body.', retry: 'no' },
  'image-source-missing': { meaning: 'A body image has no "image sources" entry with its caption, so it has no URL (lintPost).', fix: 'Add the entry, or correct the caption.', retry: 'no' },
  'image-source-unused': { meaning: 'An "image sources" entry names a caption no body image has (lintPost).', fix: 'Remove the entry, or correct the caption.', retry: 'no' },
  'image-source-duplicate': { meaning: 'Several "image sources" entries have one image\'s caption (lintPost).', fix: 'Keep one entry per caption.', retry: 'no' },
  'checklist-mismatch': { meaning: 'meta "checklist" does not repeat the body\'s checklist (lintPost).', fix: 'Make the two lists the same.', retry: 'no' },
  'value-format': { meaning: 'A value does not have its field\'s usual form, e.g. a hash that is not hex (lintPost).', fix: 'Correct the value the message names.', retry: 'no' },
} as const satisfies Record<string, CodeInfo>;

/** The code a `PostParseError` carries: `parsePostOrThrow`'s one error, with the parse's diagnostics in `diagnostics`. */
export const PARSE_ERROR_CODES = {
  ALPHANODE_PARSE_FAILED: { meaning: 'parsePostOrThrow was given a post with errors; `diagnostics` lists every finding, and the message the first ten errors.', fix: 'Fix the diagnostics, or call parsePost to get them as data.', retry: 'no' },
} as const satisfies Record<PostParseError['code'], CodeInfo>;
