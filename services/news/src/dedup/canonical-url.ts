/** Query parameters that say who sent the reader, not what they read. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'yclid',
  'igshid',
  'twclid',
  'ref',
  'ref_src',
  'ref_url',
  'cmpid',
  'ncid',
  'ocid',
  'sr_share',
  'smid',
  'ito',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'spm',
  'at_medium',
  'at_campaign',
  'rss',
  'src',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmb_', 'oly_', 'vero_'];
/** Parameters that only ask for the AMP rendering of the same page. */
const AMP_PARAMS: Record<string, (value: string) => boolean> = {
  amp: () => true,
  outputtype: (value) => value.toLowerCase() === 'amp',
  output: (value) => value.toLowerCase() === 'amp',
  format: (value) => value.toLowerCase() === 'amp',
};
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * The one spelling of an article URL that its variants share: scheme and host in lower case, `www.` and
 * `amp.`/`m.` host prefixes dropped, default port dropped, fragment dropped, tracking and AMP
 * parameters dropped, the rest sorted, AMP path forms (`/amp`, `/amp/`, `.amp`, `/amp/...` prefix)
 * removed and the trailing slash trimmed. The scheme is normalised to https: a site serving an article
 * over both is serving one article. Undefined for anything that is not an absolute http(s) URL.
 */
export function canonicalUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  let host = url.hostname.toLowerCase().replace(/\.$/, '');
  host = host.replace(/^(www\d*|amp|m|mobile)\./, '');
  const port = url.port && url.port !== DEFAULT_PORTS[url.protocol] ? `:${url.port}` : '';

  let path = url.pathname.replace(/\/{2,}/g, '/');
  path = path
    .replace(/\/amp\/?$/i, '')
    .replace(/^\/amp(\/|$)/i, '/')
    .replace(/\.amp(\.html?)?$/i, '$1')
    .replace(/\/index\.html?$/i, '');
  path = path.replace(/\/+$/, '') || '/';

  const kept = [...url.searchParams.entries()]
    .filter(([name, value]) => !isTracking(name) && !AMP_PARAMS[name.toLowerCase()]?.(value))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a < b ? -1 : 1));
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
  return `https://${host}${port}${path === '/' ? '' : path}${query}`;
}
