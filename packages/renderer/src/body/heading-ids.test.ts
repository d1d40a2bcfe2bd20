import { describe, expect, it } from 'vitest';
import { codeClass } from './code-class.ts';
import { createHeadingIds } from './heading-ids.ts';

describe('createHeadingIds', () => {
  it('makes prefixed ASCII kebab-case ids, numbered when repeated', () => {
    const ids = createHeadingIds();
    expect(ids('the practical approach')).toBe('section-the-practical-approach');
    expect(ids('The Practical  Approach!')).toBe('section-the-practical-approach-2');
    expect(ids('__xss')).toBe('section-xss');
    expect(ids('\u202E\u{1F468}')).toBe('section');
    expect(ids('')).toBe('section-2');
    expect(ids('x'.repeat(200))).toBe(`section-${'x'.repeat(60)}`);
  });

  it('starts over for each page', () => {
    expect(createHeadingIds()('final notes')).toBe('section-final-notes');
    expect(createHeadingIds()('final notes')).toBe('section-final-notes');
  });
});

describe('codeClass', () => {
  it.each([
    ['python', 'language-python'],
    ['C++', 'language-cpp'],
    ['c#', 'language-csharp'],
    ['Objective C', 'language-objective-c'],
    ['python"><script>alert(1)</script>', 'language-python-script-alert-1-script'],
    ['" onmouseover="x', 'language-onmouseover-x'],
    ['<>', ''],
    ['__proto__', 'language-proto'],
    ['constructor', 'language-constructor'],
    ['', ''],
    [undefined, ''],
  ])('%j → %j', (language, className) => {
    expect(codeClass(language)).toBe(className);
  });
});
