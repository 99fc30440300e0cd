/** A bad scenario file or fault spec: user input, so callers print the one-line message without a stack. */
export class EmulatorInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmulatorInputError';
  }
}
