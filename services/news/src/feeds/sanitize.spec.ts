import { plainText, safeHtml } from './sanitize';

describe(plainText.name, () => {
  it('drops tags with the code inside them and keeps the text', () => {
    expect(plainText("<script>alert('x')</script>Gold <b>rises</b> <img src=x onerror=alert(1)>")).toBe(
      'Gold rises',
    );
  });

  it('decodes entities into text', () => {
    expect(plainText('S&amp;P 500 &#8211; record &quot;close&quot;')).toBe('S&P 500 – record "close"');
  });

  it('leaves no markup however many times it was escaped', () => {
    const sut = plainText('&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;Dollar steadies');
    expect(sut).not.toMatch(/[<>]/);
    expect(sut).toContain('Dollar steadies');
  });

  it('is bounded', () => {
    expect(plainText('word '.repeat(1000), 50).length).toBeLessThanOrEqual(50);
  });
});

describe(safeHtml.name, () => {
  it('keeps formatting and http(s) links, drops scripts, event handlers and javascript: URLs', () => {
    const sut = safeHtml(
      '<p onclick="steal()">Up <b>2%</b> <a href="javascript:alert(1)">x</a> <a href="https://ok.example/a">y</a></p><script>evil()</script><iframe src="https://evil.example"></iframe>',
    );
    expect(sut).not.toMatch(/script|onclick|javascript:|iframe|evil/i);
    expect(sut).toContain('<b>2%</b>');
    expect(sut).toContain('href="https://ok.example/a"');
  });
});
