import sanitizeHtml from 'sanitize-html';

const NO_TAGS: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  // Their content is code or markup, not text a reader should see.
  nonTextTags: ['script', 'style', 'textarea', 'noscript', 'iframe', 'object', 'template'],
};

const SAFE_SUMMARY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'a', 'ul', 'ol', 'li', 'blockquote', 'code'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  nonTextTags: NO_TAGS.nonTextTags,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener', target: '_blank' }) },
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[body.toLowerCase()] ?? entity;
  });
}

/**
 * Plain text from feed text that may hold HTML, escaped HTML or both (feeds double-escape freely).
 * Strip and decode until nothing changes: decoding `&lt;script&gt;` yields a tag that the next round
 * removes, so no markup survives however many times it was escaped.
 */
export function plainText(input: string | undefined, maxLength = 1000): string {
  // NUL is not text, and PostgreSQL refuses it.
  let text = (input ?? '').slice(0, maxLength * 20).replaceAll('\u0000', '');
  // Most feed text is text: nothing to parse without a tag or an entity.
  if (!/[<&]/.test(text)) return text.replace(/\s+/g, ' ').trim().slice(0, maxLength);
  for (let round = 0; round < 5; round++) {
    const next = decodeEntities(sanitizeHtml(text, NO_TAGS));
    if (next === text) break;
    text = next;
  }
  text = text.replace(/[<>]/g, ' ');
  return text.replace(/\s+/g, ' ').trim().slice(0, maxLength);
}

/** Summary HTML with formatting and http(s) links only: no scripts, no event handlers, no javascript:. */
export function safeHtml(input: string | undefined, maxLength = 20000): string {
  const html = (input ?? '').slice(0, maxLength).replaceAll('\u0000', '');
  // Without "<", ">" or "&" there is no markup: the sanitiser would return the text as it is.
  if (!/[<&>]/.test(html)) return html.trim();
  return sanitizeHtml(html, SAFE_SUMMARY).trim();
}
