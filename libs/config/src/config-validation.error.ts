import type { ValidationError } from 'class-validator';

/** Thrown at boot when the environment does not describe a runnable service; names every bad variable. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }

  static fromValidationErrors(
    errors: ValidationError[],
    raw: Record<string, unknown>,
  ): ConfigValidationError {
    const problems = errors.flatMap((error) => {
      const got = raw[error.property];
      const shown = got === undefined ? 'not set' : `got ${JSON.stringify(got)}`;
      return Object.values(error.constraints ?? {}).map((message) => `${message} (${shown})`);
    });
    return new ConfigValidationError(problems);
  }
}
