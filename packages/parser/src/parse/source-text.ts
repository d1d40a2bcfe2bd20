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
  // NUL and U+FFFD are found with indexOf, which runs at memory speed; a character-class scan for
  // other control characters would cost as much as the rest of the parse, so lintPost reports those.
  const nul = text.indexOf('\0');
  const replacement = text.indexOf('\uFFFD');
  const binary = nul < 0 ? replacement : replacement < 0 ? nul : Math.min(nul, replacement);
  if (binary >= 0) {
    const { lineIndex, column } = positionOf(text, binary);
    findings.push({
      severity: 'error',
      code: 'binary-content',
      message: `expected UTF-8 text, found ${codePoint(text, binary)} (${binary === nul ? 'a NUL byte' : 'bytes that are not UTF-8'}): is this a binary file?`,
      lineIndex,
      column,
    });
  }
  const finalNewline = text.endsWith('\n');
  const lines = (finalNewline ? text.slice(0, -1) : text).split('\n');
  return { lines, finalNewline, findings };
}
