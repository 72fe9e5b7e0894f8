/** The one error for input that cannot be used: it names the file (and line) in its message. */

export class InputError extends Error {
  /** file name as given */
  file: string;
  /** 1-based source line, when the problem is tied to one */
  line: number | undefined;
  /** the message without the `file:line: ` prefix */
  reason: string;

  constructor(file: string, message: string, line?: number) {
    super(`${file}${line ? ':' + line : ''}: ${message}`);
    this.name = 'InputError';
    this.file = file;
    this.line = line;
    this.reason = message;
  }

  override toString(): string {
    return this.message;
  }
}
