/**
 * A failure that retrying cannot fix (a business rule refuses the event, a referenced thing will never
 * exist). Thrown from a handler, it sends the message straight to the DLQ instead of retrying.
 */
export class PermanentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentError';
  }
}
