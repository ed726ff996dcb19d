/**
 * <search-page>: results as you type, facet filters with counts, sorting, and the whole state in
 * the URL (search-state.ts). Pagefind loads on the first query, not with the page. Keyboard: `/`
 * focuses the box, ↓/↑ move through results, Esc returns to the box.
 */
import { loadPagefind, type PagefindResponse } from './pagefind.ts';
import { bestTarget, FILTER_KEYS, FILTER_LABELS, pagefindFilters, parseExcerpt, readState, resultHref, toggleFilter, writeState, type FilterKey, type SearchState } from './search-state.ts';

const PAGE = 10;

class SearchPage extends HTMLElement {
  #state: SearchState = readState(location.search);
  #response: PagefindResponse | undefined;
  #shown = 0;
  #run = 0;
  #timer: number | undefined;

  connectedCallback(): void {
    const input = this.#part<HTMLInputElement>('input[name="q"]');
    const sort = this.#part<HTMLSelectElement>('select[name="sort"]');
    input.value = this.#state.q;
    sort.value = this.#state.sort;
    this.#part('form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.#set({ ...this.#state, q: input.value.trim() }, 0);
    });
    input.addEventListener('input', () => this.#set({ ...this.#state, q: input.value.trim() }, 180));
    sort.addEventListener('change', () => this.#set({ ...this.#state, sort: sort.value === 'year' ? 'year' : 'relevance' }, 0));
    this.#part('[data-facets]').addEventListener('change', (e) => {
      const box = e.target as HTMLInputElement;
      this.#set(toggleFilter(this.#state, box.dataset['key'] as FilterKey, box.value), 0);
    });
    this.#part('[data-more]').addEventListener('click', () => void this.#more(this.#run));
    // Filter counts need Pagefind's filter index, a large download at scale: fetched only when
    // the reader opens the panel (or arrives with filters in the URL).
    const panel = this.#part<HTMLDetailsElement>('[data-facet-panel]');
    panel.open = Object.keys(this.#state.filters).length > 0;
    panel.addEventListener('toggle', () => {
      if (panel.open) void this.#search();
    });
    this.addEventListener('keydown', (e) => this.#keys(e));
    document.addEventListener('keydown', (e) => {
      const t = e.target as HTMLElement;
      if (e.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) && !t.isContentEditable) {
        e.preventDefault();
        input.focus();
      }
    });
    if (this.#state.q || Object.keys(this.#state.filters).length > 0) void this.#search();
  }

  #part<T extends HTMLElement>(selector: string): T {
    const el = this.querySelector<T>(selector);
    if (!el) throw new Error(`search-page: missing ${selector}`);
    return el;
  }

  #set(state: SearchState, delay: number): void {
    this.#state = state;
    history.replaceState(null, '', `${location.pathname}${writeState(state)}`);
    this.setAttribute('aria-busy', 'true');
    window.clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => void this.#search(), delay);
  }

  async #search(): Promise<void> {
    const run = ++this.#run;
    const status = this.#part('[data-status]');
    const { q, sort } = this.#state;
    const filters = pagefindFilters(this.#state);
    if (!q && Object.keys(filters).length === 0) {
      this.#part('[data-results]').replaceChildren();
      this.#part('[data-facets]').replaceChildren();
      this.#part('[data-more]').hidden = true;
      this.#part('[data-empty]').hidden = true;
      status.textContent = '';
      this.removeAttribute('aria-busy');
      return;
    }
    status.textContent = '正在搜索……';
    // Tells assistive technology (and tests) that results are being replaced.
    this.setAttribute('aria-busy', 'true');
    const pf = await loadPagefind();
    if (this.#part<HTMLDetailsElement>('[data-facet-panel]').open) await pf.filters();
    const response = await pf.search(q || null, { filters, ...(sort === 'year' ? { sort: { year: 'desc' } } : {}) });
    if (run !== this.#run) return;
    this.#response = response;
    this.#shown = 0;
    const n = response.results.length;
    status.textContent = n > 0 ? `找到 ${n} 个结果` : `没有找到${q ? `与“${q}”` : ''}相关的内容`;
    this.#part('[data-empty]').hidden = n > 0;
    this.#part('[data-results]').replaceChildren();
    this.#renderFacets(response);
    await this.#more(run);
    if (run === this.#run) this.removeAttribute('aria-busy');
  }

  async #more(run: number): Promise<void> {
    const results = this.#response?.results ?? [];
    const slice = results.slice(this.#shown, this.#shown + PAGE);
    const data = await Promise.all(slice.map((r) => r.data()));
    if (run !== this.#run) return;
    this.#shown += slice.length;
    const list = this.#part('[data-results]');
    for (const d of data) {
      const target = bestTarget(d, this.#state.q);
      // An article found both on its rule's page and as its own record is listed once.
      if (list.querySelector(`a[data-target="${CSS.escape(target.url)}"]`)) continue;
      list.append(this.#item(target));
    }
    const more = this.#part('[data-more]');
    more.hidden = this.#shown >= results.length;
    more.textContent = `显示更多（还有 ${results.length - this.#shown} 个）`;
  }

  #item(d: { url: string; excerpt: string; meta: Record<string, string | undefined> }): HTMLLIElement {
    const li = document.createElement('li');
    const h = document.createElement('h2');
    if (d.meta['kind']) h.append(Object.assign(document.createElement('span'), { className: 'badge badge--accent', textContent: d.meta['kind'] }), ' ');
    const a = Object.assign(document.createElement('a'), { href: resultHref(d.url, d.excerpt), textContent: d.meta['title'] ?? d.url });
    a.dataset['target'] = d.url;
    h.append(a);
    const p = document.createElement('p');
    for (const part of parseExcerpt(d.excerpt)) p.append(part.mark ? Object.assign(document.createElement('mark'), { textContent: part.text }) : part.text);
    li.append(h, p);
    return li;
  }

  #renderFacets(response: PagefindResponse): void {
    const box = this.#part('[data-facets]');
    const groups = FILTER_KEYS.flatMap((key) => {
      const counts = response.filters[key] ?? {};
      const selected = this.#state.filters[key] ?? [];
      const values = Object.entries(counts).filter(([v, n]) => n > 0 || selected.includes(v));
      if (values.length === 0) return [];
      values.sort((a, b) => (key === 'year' ? b[0].localeCompare(a[0]) : b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')));
      const fs = document.createElement('fieldset');
      fs.append(Object.assign(document.createElement('legend'), { textContent: FILTER_LABELS[key] }));
      for (const [value, n] of values.slice(0, 12)) {
        const label = document.createElement('label');
        const input = Object.assign(document.createElement('input'), { type: 'checkbox', value, checked: selected.includes(value) });
        input.dataset['key'] = key;
        label.append(input, ` ${value} `, Object.assign(document.createElement('span'), { className: 'search__count', textContent: `(${n})` }));
        fs.append(label);
      }
      return [fs];
    });
    box.replaceChildren(...groups);
  }

  #keys(e: KeyboardEvent): void {
    const links = [...this.querySelectorAll<HTMLAnchorElement>('[data-results] h2 a')];
    const input = this.#part<HTMLInputElement>('input[name="q"]');
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown' && (document.activeElement === input || at >= 0)) {
      e.preventDefault();
      links[Math.min(at + 1, links.length - 1)]?.focus();
    } else if (e.key === 'ArrowUp' && at >= 0) {
      e.preventDefault();
      if (at === 0) input.focus();
      else links[at - 1]?.focus();
    } else if (e.key === 'Escape' && at >= 0) {
      input.focus();
    }
  }
}

customElements.define('search-page', SearchPage);
