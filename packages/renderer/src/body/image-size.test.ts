import { describe, expect, it } from 'vitest';
import { imageSize } from './image-size.ts';

describe('imageSize', () => {
  it.each([
    ['https://images.unsplash.com/photo-1?auto=format&fit=crop&w=1200&q=80', { width: 1200 }],
    ['https://cdn.example/a.jpg?w=800&h=600', { width: 800, height: 600 }],
    ['https://loremflickr.com/1200/630/code,developer?lock=3493', { width: 1200, height: 630 }],
    ['https://picsum.photos/seed/abc12345/1200/630', { width: 1200, height: 630 }],
    ['https://dummyimage.com/1200x630/111827/ffffff.png&text=x', { width: 1200, height: 630 }],
    ['https://placehold.co/1200x630/png?text=x', { width: 1200, height: 630 }],
    ['https://x.test/a.png', {}],
    ['https://x.test/0x0/a.png', {}],
    ['https://x.test/99999x20/a.png?w=300', { width: 300 }],
  ])('%s → %j', (url, size) => {
    expect(imageSize(url)).toEqual(size);
  });
});
