/** The fixed lines and prefixes of the post format (see docs/post-format.md). */
export const BREADCRUMB = '|';
export const META_MARKER = 'alphanode post meta';
export const SIMILAR_MARKER = 'Similar Posts';
export const BULLET = '  \u2022 ';
export const DEEP_BULLET = '    \u2022 ';
export const IMAGE_SOURCE_SEPARATOR = '. image source: ';
export const KEY_VALUE_SEPARATOR = ': ';
