export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

export interface ConditionalHeaders {
  etag?: string | null;
  lastModified?: string | null;
}

interface Freshness {
  etag?: string;
  lastModified?: string;
  /** Cache-Control max-age: the server asks not to be asked again sooner. */
  maxAgeSeconds?: number;
}

export type FetchOutcome =
  | ({ status: 'ok'; body: Uint8Array; contentType?: string; finalUrl: string } & Freshness)
  | ({ status: 'not-modified' } & Freshness);

/** A fetch that produced no feed: the source failed this time, the job goes on. */
export class FetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FetchError';
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function freshness(headers: Headers): Freshness {
  const cacheControl = headers.get('cache-control') ?? '';
  const maxAge = /(?:^|,)\s*max-age\s*=\s*"?(\d+)/i.exec(cacheControl)?.[1];
  return {
    etag: headers.get('etag') ?? undefined,
    lastModified: headers.get('last-modified') ?? undefined,
    maxAgeSeconds:
      maxAge !== undefined && !/no-cache|no-store/i.test(cacheControl) ? Number(maxAge) : undefined,
  };
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new FetchError(`feed too large: ${declared} bytes declared, the limit is ${maxBytes}`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchError(`feed too large: more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * GETs a feed: conditional on the ETag and Last-Modified of the last success, bounded in time (the
 * whole exchange, body included), size and redirects. Every failure is a FetchError with a message an
 * operator can act on.
 */
export class FeedFetcher {
  constructor(private readonly limits: FetchLimits) {}

  async fetch(url: string, conditional: ConditionalHeaders = {}): Promise<FetchOutcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.limits.timeoutMs);
    try {
      return await this.follow(url, conditional, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) throw new FetchError(`timed out after ${this.limits.timeoutMs} ms`);
      if (error instanceof FetchError) throw error;
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new FetchError(`request failed: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private async follow(
    start: string,
    conditional: ConditionalHeaders,
    signal: AbortSignal,
  ): Promise<FetchOutcome> {
    let url = start;
    for (let redirects = 0; ; redirects++) {
      const headers: Record<string, string> = {
        'user-agent': this.limits.userAgent,
        accept:
          'application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1',
      };
      if (conditional.etag) headers['if-none-match'] = conditional.etag;
      if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
      // fetch() adds "Cache-Control: no-cache" to conditional requests unless one is set, and servers
      // (Express among them) answer that with a full 200. max-age=0 is the browser's "revalidate".
      if (conditional.etag || conditional.lastModified) headers['cache-control'] = 'max-age=0';
      const response = await fetch(url, { headers, redirect: 'manual', signal });
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) throw new FetchError(`HTTP ${response.status} without a Location header`);
        if (redirects >= this.limits.maxRedirects) {
          throw new FetchError(`more than ${this.limits.maxRedirects} redirects`);
        }
        const next = new URL(location, url);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new FetchError(`redirect to a non-http(s) URL: ${next.protocol}`);
        }
        url = next.toString();
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { status: 'not-modified', ...freshness(response.headers) };
      }
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel();
        throw new FetchError(`HTTP ${response.status}`);
      }
      const body = await readLimited(response, this.limits.maxBytes);
      return {
        status: 'ok',
        body,
        contentType: response.headers.get('content-type') ?? undefined,
        finalUrl: url,
        ...freshness(response.headers),
      };
    }
  }
}
