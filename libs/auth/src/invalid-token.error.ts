/**
 * A bearer token that does not prove an identity. The message is a short fixed phrase (never token content
 * beyond a recognised alg name), so the guard can return it to the client as the 401 reason.
 */
export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}
