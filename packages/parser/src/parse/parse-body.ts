import { describeReading, readLoneLine, type LineReading } from '../format/classify-line.ts';
import { bulletDepth } from '../format/bullet.ts';
import { BULLET, IMAGE_SOURCE_SEPARATOR } from '../format/markers.ts';
import type { Block } from '../schema/block-schema.ts';
import { quote, type DiagnosticsSink } from './diagnostics-sink.ts';
import type { Locations } from './locations.ts';

export interface BodyContext {
  lines: readonly string[];
  language: string;
  /** Caption → URL, from meta `image sources`. */
  imageUrls: ReadonlyMap<string, string>;
  locations: Locations;
  /** Where lines the classifier's rules disagree on are reported, as `ambiguous-line` infos. */
  sink: DiagnosticsSink;
}

// Readings of repeated lines are shared (readLoneLine keeps recent ones), so their messages are written once too.
const messages = new WeakMap<LineReading, string>();

/** The `ambiguous-line` message for `line`: what it was read as, by which rule, and which rules disagreed. */
function ambiguityMessage(line: string, reading: LineReading): string {
  let message = messages.get(reading);
  if (message === undefined) messages.set(reading, (message = `${quote(line)} is ${describeReading(reading)}`));
  return message;
}

/** Whether lines `at` and `at + 1` are an image: `CAPTION` then `CAPTION. image source: SOURCE`. */
function isImageAt(lines: readonly string[], at: number, end: number): boolean {
  if (at + 1 >= end) return false;
  const caption = lines[at] as string;
  const next = lines[at + 1] as string;
  return (
    caption.length > 0 &&
    next.length >= caption.length + IMAGE_SOURCE_SEPARATOR.length &&
    next.startsWith(caption) &&
    next.startsWith(IMAGE_SOURCE_SEPARATOR, caption.length)
  );
}

/**
 * Reads the body, lines `[from, to)`, into blocks. Blank lines separate blocks, except inside code:
 * a run of two or more lines is code, and code stays open across blank lines for the next run, or
 * for a lone line with strong code evidence, so a blank line inside a function does not split it.
 * A lone line is read by `readLoneLine`; one with only weak code evidence never extends open code,
 * so a heading after a code block is not swallowed into it.
 */
export function parseBody(ctx: BodyContext, from: number, to: number): Block[] {
  const { lines, language } = ctx;
  const blocks: Block[] = [];
  const lineOf: number[] = [];
  // The open code block: its first and last line, so that its text is joined once, at the end.
  let code: { block: Block & { type: 'code' }; start: number; end: number } | undefined;
  const closeCode = () => {
    if (!code) return;
    code.block.code = lines.slice(code.start, code.end).join('\n');
    code = undefined;
  };
  const push = (block: Block, at: number) => {
    closeCode();
    blocks.push(block);
    lineOf.push(at);
  };
  // Code stays open until another block is pushed, so an open block here had only blank lines after it.
  const pushCode = (start: number, end: number) => {
    if (code) {
      code.end = end;
      return;
    }
    const block: Block & { type: 'code' } = language === '' ? { type: 'code', code: '' } : { type: 'code', code: '', lang: language };
    push(block, start);
    code = { block, start, end };
  };

  let at = from;
  while (at < to) {
    const line = lines[at] as string;
    if (line === '') {
      at++;
      continue;
    }
    if (bulletDepth(line) === 1) {
      const start = at;
      const items: string[] = [];
      for (; at < to && bulletDepth(lines[at] as string) === 1; at++) items.push((lines[at] as string).slice(BULLET.length));
      push({ type: 'list', items }, start);
    } else if (isImageAt(lines, at, to)) {
      const source = (lines[at + 1] as string).slice(line.length + IMAGE_SOURCE_SEPARATOR.length);
      const url = ctx.imageUrls.get(line);
      push(url === undefined ? { type: 'image', caption: line, source } : { type: 'image', caption: line, source, url }, at);
      at += 2;
    } else {
      const start = at;
      at++;
      while (at < to && lines[at] !== '' && bulletDepth(lines[at] as string) !== 1 && !isImageAt(lines, at, to)) at++;
      if (at - start > 1) {
        pushCode(start, at);
        continue;
      }
      const reading = readLoneLine(line, language, code !== undefined);
      if (reading.kind === 'code') pushCode(start, at);
      else push({ type: reading.kind, text: line }, start);
      if (reading.ambiguous) ctx.sink.add('info', 'ambiguous-line', ambiguityMessage(line, reading), start, 1, ['body', blocks.length - 1]);
    }
  }
  closeCode();
  ctx.locations.later(() => {
    for (let i = 0; i < lineOf.length; i++) ctx.locations.set('body', lineOf[i] as number, 1, i);
  });
  return blocks;
}
