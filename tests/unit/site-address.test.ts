import { describe, expect, it } from 'vitest';
import { checkSiteAddress, siteArgument } from '../../src/lib/site-address.ts';

describe('the address an intranet package is built for', () => {
  it('takes --site with a space or an equals sign', () => {
    expect(siteArgument(['--site', 'https://lianjian.intra.local'])).toBe('https://lianjian.intra.local');
    expect(siteArgument(['--site=http://10.1.2.3:8080/'])).toBe('http://10.1.2.3:8080/');
    expect(siteArgument([])).toBeUndefined();
    expect(siteArgument(['--site'])).toBe('');
  });

  it('accepts a real http(s) address, without a trailing slash', () => {
    expect(checkSiteAddress('http://10.1.2.3:8080/')).toEqual({ ok: true, url: 'http://10.1.2.3:8080' });
    expect(checkSiteAddress(' https://jw.example.gov.cn/lianjian/ ')).toEqual({ ok: true, url: 'https://jw.example.gov.cn/lianjian' });
  });

  it('refuses the placeholder, a bare host name and an empty answer, saying why in Chinese', () => {
    const placeholder = checkSiteAddress('https://lianjian.example.cn/');
    expect(placeholder.ok).toBe(false);
    expect(!placeholder.ok && placeholder.error).toContain('只是示例地址');
    const bare = checkSiteAddress('lianjian.intra');
    expect(!bare.ok && bare.error).toContain('不是完整的网址');
    expect(checkSiteAddress('ftp://x.cn').ok).toBe(false);
    expect(checkSiteAddress('').ok).toBe(false);
  });
});
