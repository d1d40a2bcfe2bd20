import { META_FIELDS } from '@alphanode/parser';
import { describe, expect, it } from 'vitest';
import { seedPost } from '../../test/seeds.ts';
import { metaBoxHtml, metaRows } from './render-meta-box.ts';

describe('the meta box', () => {
  it('has every field of the format, in its order, under its label', () => {
    const rows = metaRows(seedPost(1).meta, 'en');
    expect(rows.map((row) => row.label)).toEqual(META_FIELDS.map((field) => field.label));
  });

  it('leaves out an optional field that is absent', () => {
    expect(metaRows(seedPost(0).meta, 'en').map((row) => row.key)).not.toContain('imageSources');
  });

  it('renders each kind of value as the issue asks: tags as chips, scores as bars, the outline and entities as tables', () => {
    const byKey = new Map(metaRows(seedPost(1).meta, 'en').map((row) => [row.key, row.value]));
    expect(byKey.get('topic')).toBe('improving asset delivery / python services');
    expect(byKey.get('stack')).toBe('<ul class="chips"><li>python services</li><li>backend</li><li>python</li></ul>');
    expect(byKey.get('checklist')).toMatch(/^<ul><li>/);
    expect(byKey.get('viewCount')).toBe('<data value="187623">187,623</data>');
    expect(byKey.get('aiOutline')).toBe(
      '<table class="meta-table"><tbody><tr><th scope="row">context</th><td>for a team that ships daily</td></tr><tr><th scope="row">problem</th><td>improving asset delivery</td></tr><tr><th scope="row">stack</th><td>python services</td></tr><tr><th scope="row">recommended action</th><td>measure first, change carefully, document the result</td></tr></tbody></table>',
    );
    expect(byKey.get('score')).toMatch(/^<dl class="scores"><dt>quality<\/dt><dd><meter min="0" max="100" value="(\d+)" aria-hidden="true"><\/meter> <data value="\1">\1<\/data><\/dd><dt>freshness<\/dt>/);
    expect(byKey.get('revision')).toBe('<dl><dt>status</dt><dd>expanded</dd><dt>version</dt><dd>1.3.1</dd><dt>last reviewed</dt><dd><time datetime="2026-06-28">2026-06-28</time></dd></dl>');
    expect(byKey.get('flags')).toBe('<dl><dt>ai generated style</dt><dd>yes</dd><dt>has images</dt><dd>yes</dd><dt>image heavy</dt><dd>yes</dd><dt>needs human review</dt><dd>no</dd></dl>');
    expect(byKey.get('entities')).toBe(
      '<table class="meta-table"><thead><tr><th scope="col">name</th><th scope="col">type</th></tr></thead><tbody><tr><td>python services</td><td>stack</td></tr><tr><td>backend</td><td>area</td></tr><tr><td>improving asset delivery</td><td>problem</td></tr></tbody></table>',
    );
  });

  it('draws a bar only for a whole-number score from 0 to 100, and never writes a style attribute', () => {
    const scores = (score: Record<string, unknown>) => metaRows({ ...seedPost(0).meta, score } as never, 'en').find((row) => row.key === 'score')?.value ?? '';
    expect(scores({ quality: 0, freshness: 100, depth: 101, clarity: -1 }).match(/<meter [^>]*>/g)).toEqual([
      '<meter min="0" max="100" value="0" aria-hidden="true">',
      '<meter min="0" max="100" value="100" aria-hidden="true">',
    ]);
    const hostile = scores({ quality: '50" style="x', freshness: 1.5, depth: Number.NaN, clarity: '</dd><script>' });
    expect(hostile).not.toContain('<meter');
    expect(hostile).not.toMatch(/\sstyle="|<script/);
    expect(hostile).toContain('50&quot; style=&quot;x');
  });

  it('keeps the fields a reader scans for open and folds the rest in a details element', () => {
    const box = metaBoxHtml(metaRows(seedPost(1).meta, 'en'), 'Post meta');
    const [open, folded] = box.split('<details class="meta-more">') as [string, string];
    const classes = (part: string) => [...part.matchAll(/<div class="(meta-[a-z-]+)">/g)].map((m) => m[1]);
    expect(classes(open)).toEqual(['meta-topic', 'meta-summary', 'meta-ai-outline', 'meta-stack', 'meta-tools', 'meta-difficulty', 'meta-score', 'meta-entities']);
    expect(classes(folded)).toEqual([
      'meta-ai-brief', 'meta-code-language', 'meta-reading-time', 'meta-view-count', 'meta-revision', 'meta-reference', 'meta-hash', 'meta-flags',
      'meta-checklist', 'meta-image-sources', 'meta-payload', 'meta-notes',
    ]);
    expect(folded.startsWith('\n<summary>More details</summary>\n<dl>\n')).toBe(true);
    expect(box.endsWith('</dl>\n</details>\n</aside>\n')).toBe(true);
  });

  it('renders unknown fields after the known ones, escaping their labels and values', () => {
    const meta = { ...seedPost(0).meta, checklist: [], extra: { '<b>author</b>': '', links: ['a', '<b>'], owner: { 'name<': 'x"' }, people: [{ name: 'ann' }] } };
    const rows = metaRows(meta, 'en');
    expect(rows.slice(-4)).toEqual([
      { label: '<b>author</b>', key: 'extra.<b>author</b>', value: '' },
      { label: 'links', key: 'extra.links', value: '<ul><li>a</li><li>&lt;b&gt;</li></ul>' },
      { label: 'owner', key: 'extra.owner', value: '<dl><dt>name&lt;</dt><dd>x&quot;</dd></dl>' },
      { label: 'people', key: 'extra.people', value: '<ul><li><dl><dt>name</dt><dd>ann</dd></dl></li></ul>' },
    ]);
    expect(rows.find((row) => row.key === 'checklist')?.value).toBe('none');
    const box = metaBoxHtml(rows, 'About <this>');
    expect(box).toContain('<h2 id="post-meta-title">About &lt;this&gt;</h2>');
    expect(box).toContain('<div class="meta-extra"><dt>&lt;b&gt;author&lt;/b&gt;</dt><dd></dd></div>');
    expect(box).toContain('<div class="meta-view-count"><dt>view count</dt><dd><data value="56310">56,310</data></dd></div>');
  });
});
