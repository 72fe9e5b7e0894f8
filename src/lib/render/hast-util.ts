/**
 * Kept only for `src/lib/site/markdown.ts`, which imports MARK from here: the block markers live in
 * ./block-marks.ts (remove this file once markdown.ts imports that).
 */
export { MARK } from './block-marks.ts';
