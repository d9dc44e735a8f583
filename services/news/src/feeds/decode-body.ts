const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii']);

function normaliseLabel(label: string): string {
  const lower = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  // The WHATWG decoder reads "latin1" as windows-1252, a superset whose extra characters (curly quotes,
  // the euro sign) are what mislabelled "ISO-8859-1" feeds actually contain.
  return LATIN1_LABELS.has(lower) ? 'windows-1252' : lower;
}

function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 300)).toString('latin1');
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
}

function charsetOf(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*"?([A-Za-z0-9._-]+)/i.exec(contentType)?.[1] : undefined;
}

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | undefined {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Feed bytes to text. A byte-order mark decides; then the XML declaration, then the HTTP charset; text
 * that is not valid in the encoding it claims (or claims none and is not UTF-8) is read as Latin-1
 * (windows-1252), which is what such feeds almost always are. Never throws: every byte decodes to
 * something under windows-1252.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return tryDecode(bytes.subarray(3), 'utf-8', false) ?? '';
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return tryDecode(bytes.subarray(2), 'utf-16le', false) ?? '';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return tryDecode(bytes.subarray(2), 'utf-16be', false) ?? '';

  const declared = declaredXmlEncoding(bytes) ?? charsetOf(contentType);
  if (declared) {
    const label = normaliseLabel(declared);
    const text = tryDecode(bytes, label, true);
    if (text !== undefined) return text;
  }
  return tryDecode(bytes, 'utf-8', true) ?? (tryDecode(bytes, 'windows-1252', false) as string);
}
