/**
 * The search's own functions on `window.__exact`, for run.ts to measure search quality in the
 * browser as the page searches (bundled into a classic script by src/lib/search/inline.ts).
 */
import { candidateQuery, parseQuery, rank, verify } from '../../src/lib/search/exact.ts';
import { candidateOf } from '../../src/lib/search/results.ts';

(window as unknown as { __exact: object }).__exact = {
  parseQuery,
  candidateQuery,
  candidateOf,
  verify,
  rank,
};
