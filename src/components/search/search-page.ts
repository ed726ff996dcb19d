/**
 * <search-page>: runs the query in the URL against the Pagefind index and lists the results.
 * Pagefind's script is fetched only when there is something to search for.
 */
import { parseExcerpt, readState, writeState } from './search-state.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; kind?: string };
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  // Built after Astro by the Pagefind CLI, so it is loaded at run time, not bundled.
  const path = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ path).then(async (mod: Pagefind) => {
    await mod.options({ excerptLength: 40 });
    return mod;
  });
  return pagefind;
}

class SearchPage extends HTMLElement {
  #input: HTMLInputElement | null = null;
  #status: HTMLElement | null = null;
  #list: HTMLOListElement | null = null;
  #run = 0;

  connectedCallback(): void {
    this.#input = this.querySelector('input[name="q"]');
    this.#status = this.querySelector('[data-status]');
    this.#list = this.querySelector('[data-results]');
    const form = this.querySelector('form');
    const { q } = readState(location.search);
    if (this.#input) this.#input.value = q;
    form?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#search(this.#input?.value ?? '');
    });
    this.#input?.addEventListener('input', () => void this.#search(this.#input?.value ?? ''));
    if (q) void this.#search(q);
  }

  async #search(raw: string): Promise<void> {
    const q = raw.trim();
    const run = ++this.#run;
    history.replaceState(null, '', `${location.pathname}${writeState({ q })}`);
    if (!this.#list || !this.#status) return;
    if (!q) {
      this.#list.replaceChildren();
      this.#status.textContent = '';
      return;
    }
    this.#status.textContent = '正在搜索……';
    const pf = await loadPagefind();
    const search = await pf.search(q);
    const data = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    if (run !== this.#run) return;
    this.#status.textContent = search.results.length > 0 ? `找到 ${search.results.length} 个结果` : `没有找到与“${q}”相关的内容，可以换个词，或浏览案例库、制度文件。`;
    this.#list.replaceChildren(...data.map((d) => this.#item(d)));
  }

  #item(d: PagefindResultData): HTMLLIElement {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = d.url;
    a.textContent = d.meta.title ?? d.url;
    const h = document.createElement('h2');
    if (d.meta.kind) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = d.meta.kind;
      h.append(badge, ' ');
    }
    h.append(a);
    const p = document.createElement('p');
    for (const part of parseExcerpt(d.excerpt)) {
      if (part.mark) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        p.append(mark);
      } else p.append(part.text);
    }
    li.append(h, p);
    return li;
  }
}

customElements.define('search-page', SearchPage);
