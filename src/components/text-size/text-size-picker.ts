/**
 * <text-size-picker>: the reader picks 标准, 大 or 特大 and every page of the site follows. The choice
 * lives in a cookie (shape in src/lib/text-size.ts) that the server reads when it answers
 * /text-size/current.css; where the server cannot, a service worker answers it from cache storage.
 * If neither works here, the page says so and points to the browser's own zoom.
 */
import { isTextSize, returnPath, TEXT_SIZE_CACHE, TEXT_SIZE_CSS, TEXT_SIZE_WORKER, TEXT_SIZES, textSizeCookie, textSizeCss, textSizeFromCookie, type TextSizeId } from '../../lib/text-size.ts';

/** What the site now sends for TEXT_SIZE_CSS, bypassing the HTTP cache (a service worker still answers). */
async function served(): Promise<string> {
  const response = await fetch(TEXT_SIZE_CSS, { cache: 'no-store' });
  return response.ok ? response.text() : '';
}

async function viaWorker(id: TextSizeId): Promise<boolean> {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return false;
  try {
    const cache = await caches.open(TEXT_SIZE_CACHE);
    await cache.put(TEXT_SIZE_CSS, new Response(textSizeCss(id), { headers: { 'content-type': 'text/css; charset=utf-8' } }));
    await navigator.serviceWorker.register(TEXT_SIZE_WORKER);
    await navigator.serviceWorker.ready;
    // The worker claims this page when it activates; until then fetches bypass it.
    if (!navigator.serviceWorker.controller) await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    return (await served()) === textSizeCss(id);
  } catch {
    return false;
  }
}

/** Stores the choice and reports whether the site now serves it. */
async function apply(id: TextSizeId): Promise<boolean> {
  // A worker installed on an earlier visit must not keep answering with an older choice.
  if ('caches' in window) await caches.delete(TEXT_SIZE_CACHE).catch(() => false);
  document.cookie = textSizeCookie(id);
  if ((await served()) === textSizeCss(id)) return true;
  return id === 'standard' ? false : viaWorker(id);
}

class TextSizePicker extends HTMLElement {
  connectedCallback(): void {
    const radios = [...this.querySelectorAll<HTMLInputElement>('input[type="radio"][name="text-size"]')];
    const status = this.querySelector<HTMLElement>('[data-status]');
    const current = textSizeFromCookie(document.cookie);
    for (const r of radios) {
      r.checked = r.value === current;
      r.disabled = false;
    }
    const back = returnPath(document.referrer, location.origin);
    const backLink = this.querySelector<HTMLAnchorElement>('[data-back]');
    if (back && backLink) {
      backLink.href = back;
      backLink.hidden = false;
    }
    for (const r of radios) {
      r.addEventListener('change', async () => {
        if (!r.checked || !isTextSize(r.value)) return;
        const id = r.value;
        const label = TEXT_SIZES.find((s) => s.id === id)?.label ?? id;
        if (status) status.textContent = '正在保存……';
        const ok = await apply(id);
        this.#reloadStylesheet();
        if (status)
          status.textContent = ok
            ? `已改为“${label}”字号，本站所有页面都会这样显示，下次打开也一样。`
            : '这个网站的服务器不支持记住字号。请用浏览器自带的放大功能（见下方说明），浏览器会记住它。';
      });
    }
  }

  /** Shows the new size on this page at once: the link is fetched again under a fresh URL. */
  #reloadStylesheet(): void {
    const link = document.querySelector<HTMLLinkElement>(`link[rel="stylesheet"][href^="${TEXT_SIZE_CSS}"]`);
    if (link) link.href = `${TEXT_SIZE_CSS}?t=${Date.now()}`;
  }
}

customElements.define('text-size-picker', TextSizePicker);
