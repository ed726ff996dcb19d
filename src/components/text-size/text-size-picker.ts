/**
 * <text-size-picker>: the reader picks 标准, 大 or 特大 and every page of the site follows. The choice
 * lives in a cookie (shape in src/lib/text-size.ts) that the server reads when it answers
 * /text-size/current.css; where the server cannot, a service worker answers it from cache storage.
 * If neither works here, the page says so, undoes the half-made choice and points to browser zoom.
 */
import { isTextSize, returnPath, TEXT_SIZE_CACHE, TEXT_SIZE_CSS, TEXT_SIZE_WORKER, TEXT_SIZES, textSizeCookie, textSizeCss, textSizeFromCookie, textSizeOfCss, type TextSizeId } from '../../lib/text-size.ts';

/** The size the site serves now, bypassing the HTTP cache (a service worker still answers). */
async function served(): Promise<TextSizeId | undefined> {
  try {
    const response = await fetch(TEXT_SIZE_CSS, { cache: 'no-store' });
    return response.ok ? textSizeOfCss(await response.text()) : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves false after `ms`: a worker can stay unready forever (blocked by policy, or never claiming this page after a hard reload). */
function within(ms: number, work: Promise<boolean>): Promise<boolean> {
  return Promise.race([work, new Promise<boolean>((done) => setTimeout(() => done(false), ms))]);
}

async function controlled(): Promise<boolean> {
  await navigator.serviceWorker.ready;
  if (navigator.serviceWorker.controller) return true;
  // The worker claims open pages when it activates.
  await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
  return true;
}

async function viaWorker(id: TextSizeId): Promise<boolean> {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return false;
  try {
    const cache = await caches.open(TEXT_SIZE_CACHE);
    await cache.put(TEXT_SIZE_CSS, new Response(textSizeCss(id), { headers: { 'content-type': 'text/css; charset=utf-8' } }));
    await navigator.serviceWorker.register(TEXT_SIZE_WORKER);
    return (await within(5000, controlled())) && (await served()) === id;
  } catch {
    return false;
  }
}

/** Stores the choice and reports whether the site now serves it. */
async function apply(id: TextSizeId): Promise<boolean> {
  // A worker installed on an earlier visit must not keep answering with an older choice.
  if ('caches' in window) await caches.delete(TEXT_SIZE_CACHE).catch(() => false);
  document.cookie = textSizeCookie(id);
  if ((await served()) === id) return true;
  if (id !== 'standard' && (await viaWorker(id))) return true;
  // Neither the server nor a worker took it: leave nothing half-made behind.
  document.cookie = textSizeCookie('standard');
  if ('caches' in window) await caches.delete(TEXT_SIZE_CACHE).catch(() => false);
  return false;
}

class TextSizePicker extends HTMLElement {
  /** Choices are saved one after another: arrow keys in a radio group fire a change per step. */
  #queue: Promise<unknown> = Promise.resolve();
  #latest = 0;

  connectedCallback(): void {
    const radios = [...this.querySelectorAll<HTMLInputElement>('input[type="radio"][name="text-size"]')];
    const status = this.querySelector<HTMLElement>('[data-status]');
    const check = (id: TextSizeId) => radios.forEach((r) => (r.checked = r.value === id));
    check(textSizeFromCookie(document.cookie));
    radios.forEach((r) => (r.disabled = false));
    this.querySelector<HTMLElement>('[data-needs-script]')?.setAttribute('hidden', '');
    // The cookie can outlive or predate what is served (a worker's cache, a cookie the browser dropped).
    void served().then((id) => id && check(id));

    const back = returnPath(document.referrer, location.origin);
    const backLink = this.querySelector<HTMLAnchorElement>('[data-back]');
    if (back && backLink) {
      backLink.href = back;
      backLink.hidden = false;
    }

    for (const r of radios) {
      r.addEventListener('change', () => {
        if (!r.checked || !isTextSize(r.value)) return;
        const id = r.value;
        const run = ++this.#latest;
        if (status) status.textContent = '正在保存……';
        this.#queue = this.#queue.then(async () => {
          if (run !== this.#latest) return;
          const ok = await apply(id);
          if (run !== this.#latest) return;
          this.#reloadStylesheet();
          const label = TEXT_SIZES.find((s) => s.id === id)?.label ?? id;
          if (ok) {
            if (status) status.textContent = `已改为“${label}”字号，本站所有页面都会这样显示，下次打开也一样。已经打开的页面刷新一下就会变。`;
            return;
          }
          check((await served()) ?? 'standard');
          if (status) status.textContent = '没能记住字号：这个网站的服务器不支持，浏览器在这个地址上（例如以 http 访问的内网地址）也不允许本站代为保存。请用浏览器自带的放大功能（见下方说明），浏览器会记住它。';
        });
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
