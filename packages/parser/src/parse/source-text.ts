import type { DiagnosticCode, Severity } from '../diagnostic.ts';

/** A finding about the raw text, positioned in the normalised text. */
export interface SourceFinding {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  lineIndex: number;
  column: number;
}

export interface SourceText {
  lines: string[];
  finalNewline: boolean;
  findings: SourceFinding[];
}

// NUL and U+FFFD (what a decoder puts where bytes were not UTF-8) mean the file is not text.
const BINARY = /[\0\uFFFD]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]/;

function positionOf(text: string, index: number): { lineIndex: number; column: number } {
  let lineIndex = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) {
    lineIndex++;
    lineStart = at + 1;
  }
  return { lineIndex, column: index - lineStart + 1 };
}

function codePoint(text: string, index: number): string {
  return `U+${(text.codePointAt(index) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Normalises a post's text (byte-order mark removed, CRLF and CR to LF) and splits it into lines,
 * reporting what it changed and any characters a text post should not hold.
 */
export function readSourceText(input: string): SourceText {
  const findings: SourceFinding[] = [];
  let text = input;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    findings.push({ severity: 'info', code: 'byte-order-mark', message: 'a UTF-8 byte-order mark starts the file; it was removed', lineIndex: 0, column: 1 });
  }
  const cr = text.indexOf('\r');
  if (cr !== -1) {
    const crlf = text.charCodeAt(cr + 1) === 10;
    text = text.replace(/\r\n?/g, '\n');
    const { lineIndex, column } = positionOf(text, cr);
    findings.push({
      severity: 'info',
      code: 'crlf-line-endings',
      message: `${crlf ? 'CRLF' : 'CR'} line endings were normalised to LF (first here)`,
      lineIndex,
      column,
    });
  }
  const binary = BINARY.exec(text);
  if (binary) {
    const { lineIndex, column } = positionOf(text, binary.index);
    findings.push({
      severity: 'error',
      code: 'binary-content',
      message: `expected UTF-8 text, found ${codePoint(text, binary.index)} (${binary[0] === '\0' ? 'a NUL byte' : 'bytes that are not UTF-8'}): is this a binary file?`,
      lineIndex,
      column,
    });
  }
  const control = CONTROL.exec(text);
  if (control) {
    const { lineIndex, column } = positionOf(text, control.index);
    findings.push({
      severity: 'warning',
      code: 'control-character',
      message: `control character ${codePoint(text, control.index)} in the text; it is kept, but a post should hold printable text`,
      lineIndex,
      column,
    });
  }
  const finalNewline = text.endsWith('\n');
  const lines = (finalNewline ? text.slice(0, -1) : text).split('\n');
  return { lines, finalNewline, findings };
}
