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

  it('renders each kind of value as the issue asks', () => {
    const byKey = new Map(metaRows(seedPost(1).meta, 'en').map((row) => [row.key, row.value]));
    expect(byKey.get('topic')).toBe('improving asset delivery / python services');
    expect(byKey.get('stack')).toBe('<ul><li>python services</li><li>backend</li><li>python</li></ul>');
    expect(byKey.get('viewCount')).toBe('<data value="187623">187,623</data>');
    expect(byKey.get('aiOutline')).toBe(
      '<dl><dt>context</dt><dd>for a team that ships daily</dd><dt>problem</dt><dd>improving asset delivery</dd><dt>stack</dt><dd>python services</dd><dt>recommended action</dt><dd>measure first, change carefully, document the result</dd></dl>',
    );
    expect(byKey.get('revision')).toBe('<dl><dt>status</dt><dd>expanded</dd><dt>version</dt><dd>1.3.1</dd><dt>last reviewed</dt><dd><time datetime="2026-06-28">2026-06-28</time></dd></dl>');
    expect(byKey.get('flags')).toBe('<dl><dt>ai generated style</dt><dd>yes</dd><dt>has images</dt><dd>yes</dd><dt>image heavy</dt><dd>yes</dd><dt>needs human review</dt><dd>no</dd></dl>');
    expect(byKey.get('entities')).toBe(
      '<ul><li><dl><dt>name</dt><dd>python services</dd><dt>type</dt><dd>stack</dd></dl></li><li><dl><dt>name</dt><dd>backend</dd><dt>type</dt><dd>area</dd></dl></li><li><dl><dt>name</dt><dd>improving asset delivery</dd><dt>type</dt><dd>problem</dd></dl></li></ul>',
    );
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
