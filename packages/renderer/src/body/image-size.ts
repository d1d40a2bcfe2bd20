/** Width and height in CSS pixels, as far as an image URL tells them. */
export interface ImageSize {
  width?: number;
  height?: number;
}

const MAX_SIDE = 10_000;
const side = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  return value >= 1 && value <= MAX_SIDE ? value : undefined;
};

// `/1200x630/` or `/1200x630` at the end (dummyimage.com, placehold.co).
const PATH_WXH = /\/(\d{1,5})x(\d{1,5})(?:[/.?&#]|$)/;
// `/1200/630/` or `/1200/630` at the end (loremflickr.com, picsum.photos).
const PATH_W_H = /\/(\d{1,5})\/(\d{1,5})(?:[/?#]|$)/;
// `w=1200` and `h=630` in the query (unsplash, imgix, most image CDNs).
const QUERY_W = /[?&](?:w|width)=(\d{1,5})(?:&|#|$)/;
const QUERY_H = /[?&](?:h|height)=(\d{1,5})(?:&|#|$)/;

/**
 * The size an image URL asks its host for, read from the patterns the image hosts in the seeds use.
 * Sides outside 1..10000 are ignored. `{}` when the URL says nothing.
 *
 * @example
 * imageSize('https://loremflickr.com/1200/630/code?lock=1'); // { width: 1200, height: 630 }
 * imageSize('https://images.unsplash.com/p?w=1200&q=80');    // { width: 1200 }
 */
export function imageSize(url: string): ImageSize {
  const path = PATH_WXH.exec(url) ?? PATH_W_H.exec(url);
  let width = side(path?.[1]);
  let height = side(path?.[2]);
  if (width === undefined || height === undefined) {
    width = side(QUERY_W.exec(url)?.[1]);
    height = side(QUERY_H.exec(url)?.[1]);
  }
  const size: ImageSize = {};
  if (width !== undefined) size.width = width;
  if (height !== undefined) size.height = height;
  return size;
}
