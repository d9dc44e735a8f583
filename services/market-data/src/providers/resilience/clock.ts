/** Milliseconds since the epoch; injected so that tests move time by hand instead of sleeping. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
