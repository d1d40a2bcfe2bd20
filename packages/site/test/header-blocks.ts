/** The blocks of a `_headers` file: path → its header lines, trimmed. */
export function headerBlocks(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('/')) found.set(line, (current = []));
    else if (line.startsWith('  ') && current) current.push(line.trim());
    else current = undefined;
  }
  return found;
}
