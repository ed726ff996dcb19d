import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxConfig } from '../../src/lib/deploy.ts';
import { serveStatic } from '../../src/lib/static-server.ts';
import { returnPath, TEXT_SIZE_CSS, TEXT_SIZES, textSizeCookie, textSizeCss, textSizeFromCookie, textSizeOfCss } from '../../src/lib/text-size.ts';

describe('text size choice', () => {
  it('reads the choice from a cookie header, and falls back to standard', () => {
    expect(textSizeFromCookie(undefined)).toBe('standard');
    expect(textSizeFromCookie('')).toBe('standard');
    expect(textSizeFromCookie('theme=dark; lianjian_text_size=large')).toBe('large');
    expect(textSizeFromCookie('lianjian_text_size=larger;other=1')).toBe('larger');
    // Someone else's value, or a name that only ends the same, is not a choice.
    expect(textSizeFromCookie('lianjian_text_size=huge')).toBe('standard');
    expect(textSizeFromCookie('x_lianjian_text_size=large')).toBe('standard');
  });

  it('keeps a larger size for a year and deletes the cookie for standard', () => {
    expect(textSizeCookie('large')).toBe('lianjian_text_size=large; Path=/; Max-Age=31536000; SameSite=Lax');
    expect(textSizeCookie('standard')).toContain('Max-Age=0');
  });

  it('scales the root size, which every rem on the site follows, and leaves standard alone', () => {
    expect(textSizeCss('standard')).not.toContain('font-size');
    expect(textSizeCss('large')).toContain('html:root { font-size: 125%; }');
    expect(textSizeCss('larger')).toContain('@media screen { html:root { font-size: 150%; } }');
  });

  it('tells which size a served stylesheet is', () => {
    for (const size of TEXT_SIZES) expect(textSizeOfCss(textSizeCss(size.id))).toBe(size.id);
    expect(textSizeOfCss('body { color: red }')).toBeUndefined();
  });

  it('returns to the page the reader came from, only on this site', () => {
    const origin = 'https://lianjian.example.cn';
    expect(returnPath(`${origin}/cases/county-road-tender-tailoring/#lessons`, origin)).toBe('/cases/county-road-tender-tailoring/#lessons');
    expect(returnPath('https://elsewhere.example.com/cases/', origin)).toBeUndefined();
    expect(returnPath(`${origin}/text-size/`, origin)).toBeUndefined();
    expect(returnPath('', origin)).toBeUndefined();
  });
});

describe('servers answer the text-size stylesheet by cookie', () => {
  let base = '';
  const server = (() => {
    const dir = mkdtempSync(join(tmpdir(), 'lianjian-text-size-'));
    mkdirSync(join(dir, 'text-size'));
    for (const s of TEXT_SIZES) writeFileSync(join(dir, `text-size/${s.id}.css`), textSizeCss(s.id));
    writeFileSync(join(dir, 'text-size/current.css'), textSizeCss('standard'));
    return serveStatic(dir);
  })();
  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('the project server sends the chosen size, uncached', async () => {
    const large = await fetch(`${base}${TEXT_SIZE_CSS}?t=1`, { headers: { cookie: textSizeCookie('large').split(';')[0] ?? '' } });
    expect(await large.text()).toBe(textSizeCss('large'));
    expect(large.headers.get('cache-control')).toBe('no-cache');
    expect(large.headers.get('vary')).toContain('Cookie');
    // Renewed by the server, so a browser that caps script-set cookies keeps the choice.
    expect(large.headers.get('set-cookie')).toBe(textSizeCookie('large'));
    const standard = await fetch(`${base}${TEXT_SIZE_CSS}`);
    expect(await standard.text()).toBe(textSizeCss('standard'));
    expect(standard.headers.get('set-cookie')).toBeNull();
    expect(await (await fetch(`${base}${TEXT_SIZE_CSS}`, { headers: { cookie: 'lianjian_text_size=../../etc/passwd' } })).text()).toBe(textSizeCss('standard'));
  });

  it('the nginx configuration maps the same cookie to the same files', () => {
    const conf = nginxConfig('/srv/lianjian', "default-src 'self'");
    expect(conf).toContain('map $cookie_lianjian_text_size $lianjian_text_size_css {');
    expect(conf).toContain('default /text-size/standard.css;');
    expect(conf).toContain('large /text-size/large.css;');
    expect(conf).toContain('larger /text-size/larger.css;');
    expect(conf).toContain(`larger "${textSizeCookie('larger')}";`);
    const location = /location = \/text-size\/current\.css \{([^}]+)\}/.exec(conf)?.[1] ?? '';
    expect(location).toContain('expires epoch;');
    expect(location).toContain('try_files $lianjian_text_size_css =404;');
    expect(location).toContain('add_header Set-Cookie $lianjian_text_size_cookie;');
    expect(location).toContain('add_header Vary Cookie always;');
    // add_header in a location replaces the server's: the security headers are repeated there.
    expect(location).toContain(`add_header Content-Security-Policy "default-src 'self'" always;`);
    expect(location).toContain('add_header X-Content-Type-Options "nosniff" always;');
  });
});
