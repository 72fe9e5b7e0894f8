/**
 * The command line of the scripts that take a list of files (`npm run parse -- a.txt b.txt`,
 * `npm run outline -- …`), read with node:util parseArgs: the files, or what to print and the
 * exit code (usage: 2 without files or with an unknown option; 0 for --help).
 */
import { parseArgs } from 'node:util';

/** What a file-list command line asks for: the files, or a message to print and the exit code. */
export type FileArguments = { files: string[] } | { exit: 0 | 2; message: string };

/** Read `argv` (without node and the script); `usage` is the one-line usage text. */
export function fileArguments(argv: readonly string[], usage: string): FileArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    return { exit: 2, message: `${(e as Error).message.split('\n')[0]}\n${usage}` };
  }
  if (parsed.values.help) return { exit: 0, message: usage };
  if (parsed.positionals.length === 0) return { exit: 2, message: usage };
  return { files: parsed.positionals };
}

/** The files of the command line; prints the usage (or the problem) and exits when there are none. */
export function filesOrExit(usage: string): string[] {
  const args = fileArguments(process.argv.slice(2), usage);
  if ('files' in args) return args.files;
  process.stderr.write(args.message + '\n');
  process.exit(args.exit);
}
