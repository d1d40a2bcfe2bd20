import { escapeHtml } from './escape.ts';

// Symbol.for, so that the ESM and CJS builds (or two copies of the package) recognise each other's values.
const HTML_BRAND: unique symbol = Symbol.for('@alphanode/renderer.html') as never;

/**
 * Markup that is already safe: produced by the renderer, by `html`, or declared trusted with `raw`.
 * Anything else interpolated into markup is escaped.
 */
export interface Html {
  readonly [HTML_BRAND]: true;
  readonly value: string;
  /** Returns the markup (`value`), so an `Html` can stand where a string is expected, as in a template literal. */
  toString(): string;
}

function toString(this: Html): string {
  return this.value;
}

/**
 * Wraps markup the caller vouches for. The only way in for unescaped text; never pass it user data.
 *
 * @example
 * html`<footer>${raw('<a href="/">home</a>')}</footer>`.value; // '<footer><a href="/">home</a></footer>'
 */
export function raw(trusted: string): Html {
  return { [HTML_BRAND]: true, value: String(trusted), toString };
}

/**
 * Whether `value` is markup made by `raw` or `html` (in this or another copy of the package).
 *
 * @example
 * isHtml(raw('<b>')); // true
 * isHtml('<b>');      // false
 */
export function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value != null && (value as { [HTML_BRAND]?: unknown })[HTML_BRAND] === true;
}

function interpolate(value: unknown): string {
  if (value == null || value === false) return '';
  if (isHtml(value)) return value.value;
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value) out += interpolate(item);
    return out;
  }
  return escapeHtml(String(value));
}

/**
 * A template tag for override points: the literal parts are markup, every interpolated value is
 * escaped unless it is `Html`; arrays are joined; `null`, `undefined` and `false` render nothing.
 * Escaping makes a value safe inside text and quoted attributes, not as a URL: pass URLs through
 * `safeUrl` first.
 *
 * @example
 * const title = '<script>';
 * html`<h1 class="x">${title}</h1>`.value; // '<h1 class="x">&lt;script&gt;</h1>'
 */
export function html(strings: TemplateStringsArray, ...values: readonly unknown[]): Html {
  let out = strings[0] as string;
  for (let i = 0; i < values.length; i++) out += interpolate(values[i]) + (strings[i + 1] as string);
  return raw(out);
}
