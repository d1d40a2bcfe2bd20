import { describe, expect, it } from 'vitest';
import { classifyLoneLine, describeReading, readLoneLine, type RuleName } from './classify-line.ts';
import { isKnownLanguage } from './language-syntax.ts';
import { lineShape } from './line-shape.ts';

/** Each rule's verdict on a line, as `rule:kind:strong|weak`. */
const verdicts = (line: string, language = '', afterCode = false) =>
  readLoneLine(line, language, afterCode).verdicts.map((v) => `${v.rule}:${v.kind}:${v.strong ? 'strong' : 'weak'}`);

describe('classifyLoneLine', () => {
  it.each([
    ['the practical approach', 'python', 'heading'],
    ['implementation checklist', 'go', 'heading'],
    ['a reliable setup is less about clever code.', 'python', 'paragraph'],
    ['is it worth it?', '', 'paragraph'],
    ['he said "stop."', '', 'paragraph'],
    ['(see the docs.)', '', 'paragraph'],
    ['one two three four five six seven eight nine ten eleven twelve thirteen', '', 'paragraph'],
    ['package main', 'go', 'code'],
    ['package main', 'python', 'heading'],
    ['set -euo pipefail', 'bash', 'code'],
    ['from fastapi import FastAPI', 'python', 'code'],
    ['def health():', 'python', 'code'],
    ['print("done.")', 'python', 'code'],
    ['    return 1', 'python', 'code'],
    ['\tfmt.Println(x)', 'go', 'code'],
    ['# a comment', '', 'code'],
    ['SELECT id FROM posts', 'sql', 'code'],
    ['apiVersion: v1', 'yml', 'code'],
    ['end', 'ruby', 'code'],
    ['end', 'python', 'heading'],
  ])('%j in %s is a %s', (line, language, kind) => {
    expect(classifyLoneLine(line, language)).toBe(kind);
  });

  // The misreadings issue 12 lists, each now read as what it is.
  it.each([
    ['a long paragraph that does not end with a full stop but says what it says and ends with "quotes" \'single\'', '', 'paragraph'],
    ['we pin versions in the lockfile (see the docs)', 'python', 'paragraph'],
    ['the cdn keeps html for max-age=60 and no longer', 'bash', 'paragraph'],
    ['go modules in practice', 'go', 'heading'],
    ['return on investment', 'python', 'heading'],
    ['class of service', 'python', 'heading'],
    ['make it fast', 'bash', 'heading'],
    ['final notes', 'java', 'heading'],
    ['npm test', 'typescript', 'code'],
    ['make', 'bash', 'code'],
    ['go test ./...', 'go', 'code'],
    ['ls -la', 'bash', 'code'],
    ['user.save!', 'ruby', 'code'],
  ])('%j in %s is a %s', (line, language, kind) => {
    expect(classifyLoneLine(line, language)).toBe(kind);
  });
});

describe('the rules', () => {
  it.each<[string, string, string[]]>([
    ['    x = 1', '', ['indentation:code:strong']],
    ['a reliable setup is less about clever code.', '', ['sentence-end:paragraph:strong']],
    ['#!/usr/bin/env bash', 'bash', ['comment:code:strong']],
    ['# how it works', 'go', ['comment:code:weak', 'prose-words:heading:strong']],
    ['# how it works', 'python', ['comment:code:strong', 'prose-words:heading:strong']],
    ['we use node.js!', '', ['sentence-end:paragraph:weak', 'prose-words:paragraph:strong']],
    ['x = f(1)', '', ['code-characters:code:strong']],
    ['if (ready) {', '', ['code-characters:code:strong']],
    ['we pin versions in the lockfile (see the docs)', '', ['code-characters:code:weak', 'length:paragraph:weak', 'prose-words:paragraph:strong']],
    ['the loop stops at the first failure because of set -e', 'bash', ['length:paragraph:weak', 'prose-words:paragraph:strong']],
    ['package main', 'go', ['language-keyword:code:strong']],
    ['go modules in practice', 'go', ['language-keyword:code:weak', 'prose-words:heading:strong']],
    // `in` is a Python keyword, so no function word is left: the prose evidence is weak.
    ['go modules in practice', 'python', ['shell-command:code:weak', 'prose-words:heading:weak']],
    ['npm test', '', ['shell-command:code:strong']],
    ['docker for beginners', '', ['shell-command:code:weak', 'prose-words:heading:strong']],
    ['production checks', '', ['short-line:heading:weak']],
  ])('%j (%s): %j', (line, language, expected) => {
    expect(verdicts(line, language)).toEqual(expected);
  });

  it('reads words, code tokens and function words off a line', () => {
    const keywords = new Set(['in']);
    expect(lineShape('we pin (see the docs) max-age=60 https://x.test in', keywords)).toEqual({
      tokens: 8,
      words: 6,
      plainWords: 5,
      functionWords: 2,
      codeTokens: 1,
      bracketed: 2,
      urls: 1,
      dotted: 0,
    });
    expect(lineShape('rails reads config/database.yml and .env on node_modules v2.0', keywords).dotted).toBe(3);
  });

  it('knows every language the generator writes code in', () => {
    for (const language of ['python', 'go', 'bash', 'typescript', 'javascript', 'rust', 'toml', 'php', 'sql', 'yaml', 'dockerfile', 'ruby', 'java', 'csharp']) {
      expect(isKnownLanguage(language), language).toBe(true);
    }
    expect(isKnownLanguage('constructor')).toBe(false);
    expect(isKnownLanguage('__proto__')).toBe(false);
  });
});

describe('deciding between the rules', () => {
  const decided = (line: string, language = '', afterCode = false): [RuleName, string, boolean] => {
    const reading = readLoneLine(line, language, afterCode);
    return [reading.decidedBy.rule, reading.kind, reading.ambiguous];
  };

  it('lets a strong verdict decide, in the rules’ order', () => {
    expect(decided('from fastapi import FastAPI', 'python')).toEqual(['language-keyword', 'code', false]);
    expect(decided('make it fast', 'bash')).toEqual(['prose-words', 'heading', true]);
  });

  it('lets weak prose beat weak code: one keyword, one bracket in a line of words', () => {
    expect(decided('git workflow patterns', 'typescript')).toEqual(['prose-words', 'heading', true]);
    // A keyword is syntax, not a prose word: `interface design notes` has one weak code signal only.
    expect(decided('interface design notes', 'typescript')).toEqual(['short-line', 'heading', true]);
    expect(decided('python cache cache', 'python')).toEqual(['prose-words', 'heading', true]);
  });

  it('needs two weak code signals to make code, and reports a line one of them read as code', () => {
    // Weak signals alone make code, and the line is reported: it could be a heading.
    expect(decided('return (value, ok)', 'go')).toEqual(['code-characters', 'code', true]);
    // Not the statement `set -euo pipefail`: words follow its options, and the line is reported.
    expect(readLoneLine('set -euo pipefail first', 'bash')).toMatchObject({ kind: expect.not.stringMatching('code') as unknown, ambiguous: true });
    expect(decided('set -euo pipefail', 'bash')).toEqual(['language-keyword', 'code', false]);
    // `echo` opens shell statements and names a tool: one signal, not two.
    expect(decided('echo hello', 'bash')).toEqual(['short-line', 'heading', true]);
    expect(decided('final notes', 'php')).toEqual(['short-line', 'heading', true]);
    expect(decided('return policies', 'go')).toEqual(['short-line', 'heading', true]);
  });

  it('reads a jump alone, or one that returns a value, as a statement: strong, so it may follow code', () => {
    expect(decided('return err', 'go', true)).toEqual(['language-keyword', 'code', false]);
    expect(decided('return nil, err', 'go')).toEqual(['language-keyword', 'code', false]);
    expect(decided('return', 'python')).toEqual(['language-keyword', 'code', false]);
    expect(decided('return None', 'python', true)).toEqual(['language-keyword', 'code', false]);
    expect(decided('pass', 'python', true)).toEqual(['language-keyword', 'code', false]);
    expect(decided('super', 'ruby', true)).toEqual(['language-keyword', 'code', false]);
    expect(decided('puts user.name', 'ruby')).toEqual(['language-keyword', 'code', false]);
    expect(decided('return on investment', 'python')[1]).toBe('heading');
  });

  it('reads a sentence that lacks its stop as a paragraph: long, a clause after a comma, a file name, a lead-in', () => {
    expect(decided('the callback runs after the promise settles, not before', 'javascript')[1]).toBe('paragraph');
    expect(decided('indentation matters, two spaces per level is the convention', 'yaml')[1]).toBe('paragraph');
    expect(decided('errors are logged to storage/logs/laravel.log by default', 'php')[1]).toBe('paragraph');
    expect(decided('here is the handler we ended up with:', 'python')[1]).toBe('paragraph');
    expect(decided('if in doubt, measure', 'python')[1]).toBe('heading');
    expect(decided('tsconfig options that matter:', 'typescript')[1]).toBe('heading');
    expect(decided('node.js streams in practice', 'javascript')[1]).toBe('heading');
  });

  it('reports a paragraph read by a sign of a sentence, and keeps a list after a comma a heading', () => {
    for (const line of ['Moving a large app to ASP.NET Core', 'How we cut our cache miss rate in half', 'the callback runs after the promise settles, not before']) {
      expect(readLoneLine(line, 'go'), line).toMatchObject({ kind: 'paragraph', ambiguous: true });
    }
    for (const line of ['Redis, Memcached and the edge cache', 'Before, during and after the deploy', 'Go, the good parts and the bad']) expect(decided(line, 'python')[1], line).toBe('heading');
  });

  it('reads runners with their usual words, and a host address, as commands', () => {
    for (const [line, language] of [['vitest run', 'typescript'], ['ruff check', 'python'], ['pytest tests', 'python'], ['eslint src', 'javascript'], ['rake test', 'ruby'], ['ssh 10.0.0.5 uptime', 'bash']] as const) {
      expect(decided(line, language), line).toEqual(['shell-command', 'code', false]);
    }
    expect(decided('return now', 'go')[1]).toBe('heading');
    expect(decided('yield two', 'python')[1]).toBe('heading');
  });

  it('reads a test runner followed by its subject as a heading, and npx followed by a package as code', () => {
    expect(decided('pytest fixtures', 'python')[1]).toBe('heading');
    expect(decided('rake tasks', 'ruby')[1]).toBe('heading');
    expect(decided('npx vitest', 'typescript')[1]).toBe('code');
    expect(decided('rake db:migrate', 'ruby')[1]).toBe('code');
    expect(decided('php artisan migrate', 'php')[1]).toBe('code');
    expect(decided('composer scripts:', 'php')[1]).toBe('heading');
  });

  it('reads a tool and its version followed by words as a heading, and a tool with a number alone as code', () => {
    expect(decided('go 1.22 loop variables', 'go')).toEqual(['short-line', 'heading', true]);
    expect(decided('python 3.12 performance', 'python')).toEqual(['short-line', 'heading', true]);
    expect(decided('python 3 migration', 'python')).toEqual(['short-line', 'heading', true]);
    expect(decided('node 22 upgrade notes', 'typescript')).toEqual(['prose-words', 'heading', true]);
    expect(decided('kill 1234', 'bash')).toEqual(['shell-command', 'code', false]);
    expect(decided('node 20', 'typescript')).toEqual(['shell-command', 'code', false]);
  });

  it('never lets a weak line extend open code: the neighbours make it prose, and say so', () => {
    expect(decided('return (value, ok)', 'go', true)).toEqual(['neighbours', 'paragraph', true]);
    expect(decided('final notes', 'java', true)).toEqual(['neighbours', 'heading', true]);
    expect(decided('go run ./cmd/server', 'go', true)).toEqual(['shell-command', 'code', false]);
  });

  it('reports every line a rule read otherwise, however strongly the others agree', () => {
    const long = readLoneLine('keep the cache rules in one file so that a reviewer finds them (see below)', '');
    expect(long.verdicts.map((v) => `${v.rule}:${v.strong ? 'strong' : 'weak'}`)).toEqual(['code-characters:weak', 'length:strong', 'prose-words:strong']);
    expect([long.kind, long.ambiguous]).toEqual(['paragraph', true]);
    expect(readLoneLine('production checks', '').ambiguous).toBe(false);
    const short = readLoneLine('we pin versions in the lockfile (see the docs)', '');
    expect([short.kind, short.ambiguous]).toEqual(['paragraph', true]);
    // A strong rule against the decision is always reported.
    expect(readLoneLine('# how it works', 'python')).toMatchObject({ kind: 'code', decidedBy: { rule: 'comment' }, ambiguous: true });
  });

  it('describes an ambiguous reading by the rule that decided it and the rules that disagreed', () => {
    expect(describeReading(readLoneLine('make it fast', 'bash'))).toBe(
      'read as a heading by rule prose-words (3 words, 1 of them function words), but shell-command says code (weakly: `make` followed by words such as "it")',
    );
  });
});
