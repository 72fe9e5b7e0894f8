/**
 * The name finder's thread (names-thread.ts): for each issue handed over, the names its text
 * paragraphs give, from the names cache or found and kept there, written to the names file
 * as the loader would have written them. Given `null`, it answers with its counts; a job it cannot
 * do is answered at once with the error (naming the names file), and no more jobs are done.
 */
import { writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { articleNames, namesById } from '../lib/people/article-names.ts';
import { parseGazetteer } from '../lib/people/gazetteer.ts';
import { diskNamesCache } from '../lib/people/names-cache.ts';
import type { FromNamesThread, NamesJob, NamesThreadStart } from './names-thread.ts';

const start = workerData as NamesThreadStart;
const port = parentPort!;
const gazetteer = parseGazetteer(start.gazetteerText, start.gazetteerFile);
const cache = diskNamesCache(start.cacheDir, start.fingerprint, start.gazetteerText);
let failed = false;

port.on('message', (job: NamesJob | null) => {
  if (failed) return;
  if (job === null) {
    const { found, ms } = cache.counts();
    port.postMessage({ found, ms } satisfies FromNamesThread);
    return;
  }
  try {
    const find = () => job.paragraphs.map((p) => articleNames(p, gazetteer));
    const names = cache.names(job.paragraphs, find, job.key);
    writeFileSync(job.file, JSON.stringify(namesById(job.ids, names)));
  } catch (e) {
    failed = true;
    port.postMessage({ error: `${job.file}: ${(e as Error).message}` } satisfies FromNamesThread);
  }
});
