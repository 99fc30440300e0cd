/** An error whose message is written for the user (one line, names the problem and the fix); the CLI prints it without a stack. */
export class ErscopeError extends Error {
  /** Process exit code the CLI should use (2 = usage or input error by default). */
  readonly exitCode: number;

  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'ErscopeError';
    this.exitCode = exitCode;
  }
}
