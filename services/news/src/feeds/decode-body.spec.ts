import { decodeBody } from './decode-body';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe(decodeBody.name, () => {
  it('reads bytes as the XML declaration says (ISO-8859-1)', () => {
    expect(decodeBody(latin1('<?xml version="1.0" encoding="ISO-8859-1"?><t>Zürich £5</t>'))).toContain(
      'Zürich £5',
    );
  });

  it('reads undeclared Latin-1 that is not valid UTF-8 as Latin-1', () => {
    expect(decodeBody(latin1('<?xml version="1.0"?><t>Société Générale</t>'))).toContain('Société Générale');
  });

  it('reads a feed that claims UTF-8 but holds Latin-1 as Latin-1', () => {
    expect(decodeBody(latin1('<?xml version="1.0" encoding="utf-8"?><t>Straße</t>'))).toContain('Straße');
  });

  it('reads UTF-8, with or without a byte-order mark', () => {
    const utf8 = Buffer.from('<t>Zürich €</t>', 'utf8');
    expect(decodeBody(utf8)).toBe('<t>Zürich €</t>');
    expect(decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toBe('<t>Zürich €</t>');
  });

  it('falls back to the HTTP charset when the document declares nothing', () => {
    expect(decodeBody(latin1('{"title":"Zürich"}'), 'application/json; charset=iso-8859-1')).toBe(
      '{"title":"Zürich"}',
    );
  });
});
