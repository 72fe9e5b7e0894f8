/** Test support: the seeds parsed as the build parses them (catalogue and corrections from content/). */
import { resolve } from 'node:path';
import { loadCatalog, loadCorrections, loadEdition } from '../../src/lib/edition/load-folder.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');

export function seedEdition() {
  return loadEdition(resolve(repoRoot, 'seeds'), loadCatalog(resolve(repoRoot, 'content/papers.json')), {
    corrections: loadCorrections(resolve(repoRoot, 'content/corrections.yaml')),
  });
}
