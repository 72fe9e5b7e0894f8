/**
 * The options of the measuring scripts (`npm run eval -- --check --pages rmrb`, `eval:entities`,
 * `eval:pdf`, `corpus`, `train`), read with node:util parseArgs: flags and string options as
 * declared, `--help`/`-h` prints the usage, an unknown option prints one line and the usage and
 * exits with 2.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** Options a script declares: each a flag (boolean) or a value (string). */
export type OptionSpec = Record<string, 'boolean' | 'string'>;

/** The values read: true/undefined for flags, the text/undefined for values. */
export type OptionValues<S extends OptionSpec> = {
  [K in keyof S]?: S[K] extends 'boolean' ? boolean : string;
};

/** Read `argv` (without node and the script): the values, or a message to print and the exit code. */
export function readOptions<S extends OptionSpec>(
  argv: readonly string[],
  spec: S,
  usage: string,
): { values: OptionValues<S> } | { exit: 0 | 2; message: string } {
  const options: ParseArgsOptionsConfig = { help: { type: 'boolean', short: 'h' } };
  for (const [name, type] of Object.entries(spec)) options[name] = { type };
  try {
    const { values } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options,
      strict: true,
      allowPositionals: false,
    });
    if (values.help) return { exit: 0, message: usage };
    return { values: values as OptionValues<S> };
  } catch (e) {
    return { exit: 2, message: `${(e as Error).message.split('\n')[0]}\n${usage}` };
  }
}

/** The script's options; prints the usage (or the problem) and exits when asked or wrong. */
export function optionsOrExit<S extends OptionSpec>(spec: S, usage: string): OptionValues<S> {
  const r = readOptions(process.argv.slice(2), spec, usage);
  if ('values' in r) return r.values;
  (r.exit ? process.stderr : process.stdout).write(r.message + '\n');
  process.exit(r.exit);
}
