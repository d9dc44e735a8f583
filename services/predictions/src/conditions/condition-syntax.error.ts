/** A condition that does not parse; the message names the 1-based column when there is one. */
export class ConditionSyntaxError extends Error {
  override readonly name = 'ConditionSyntaxError';

  constructor(
    message: string,
    readonly column?: number,
  ) {
    super(message);
  }
}
