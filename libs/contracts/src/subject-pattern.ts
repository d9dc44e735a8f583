/**
 * NATS subject matching: `*` matches exactly one token, `>` matches one or more trailing tokens.
 */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length) return false;
    if (p[i] !== '*' && p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}

/** True when every subject `inner` can match is also matched by `outer` (used to find a pattern's stream). */
export function patternCovers(outer: string, inner: string): boolean {
  const o = outer.split('.');
  const n = inner.split('.');
  for (let i = 0; i < o.length; i++) {
    if (o[i] === '>') return n.length > i;
    if (i >= n.length) return false;
    if (n[i] === '>') return false;
    if (o[i] === '*') continue;
    if (n[i] === '*' || o[i] !== n[i]) return false;
  }
  return o.length === n.length;
}

/** A subject token taken from data (a symbol, a job name) must not contain separators or wildcards. */
export const SUBJECT_TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
