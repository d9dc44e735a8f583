/** The response is not a feed this source can be read as: a per-source failure, never the job's. */
export class FeedFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedFormatError';
  }
}
