/**
 * The renderer's default theme as text, for a build or a server to write or serve it without
 * resolving the package's files (the same CSS ships as `@alphanode/renderer/theme.css`). Kept out of
 * the main entry, so a worker that renders pages does not carry the stylesheet's bytes.
 *
 * @module @alphanode/renderer/theme
 */
export { DEFAULT_THEME_CSS } from './default-theme-css.ts';
