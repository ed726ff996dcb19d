/**
 * <case-filter>: instant, combinable facet filtering on /cases/. Without JavaScript every facet
 * link leads to its static page; with it, a click toggles the facet, the URL keeps the filter
 * (shareable), and Pagefind's filter index supplies the matching cases and the new counts,
 * so the page never downloads the whole library.
 */
import { countSearches, FACET_KEYS, isEmpty, mergeCounts, pagefindFilters, readSelection, toggle, writeSelection, type Counts, type FacetKey, type Selection } from './case-filter-state.ts';

import { loadPagefind, type PagefindResponse as SearchResponse, type PagefindResultData as ResultData } from '../search/pagefind.ts';

const PAGE = 20;

class CaseFilter extends HTMLElement {
  #links = new Map<string, HTMLAnchorElement>();
  #selection: Selection = {};
  #original: { list: Node[]; status: string; counts: Map<HTMLElement, string> } | undefined;
  #results: SearchResponse['results'] = [];
  #shown = 0;
  #run = 0;
  #filtersLoaded: Promise<unknown> | undefined;

  connectedCallback(): void {
    for (const a of this.querySelectorAll<HTMLAnchorElement>('a[data-facet]')) {
      this.#links.set(`${a.dataset['facet']}:${a.dataset['value']}`, a);
      a.addEventListener('click', (event) => {
        event.preventDefault();
        void this.#select(toggle(this.#selection, a.dataset['facet'] as FacetKey, a.dataset['value'] ?? ''), true);
      });
    }
    const list = this.#part('list');
    this.#original = {
      list: [...list.childNodes],
      status: this.#part('status').textContent ?? '',
      counts: new Map([...this.querySelectorAll<HTMLElement>('[data-count-for]')].map((el) => [el, el.textContent ?? ''])),
    };
    window.addEventListener('popstate', () => void this.#apply(readSelection(location.search)));
    const initial = readSelection(location.search);
    if (!isEmpty(initial)) void this.#apply(initial);
  }

  #part(name: string): HTMLElement {
    const el = this.querySelector<HTMLElement>(`[data-${name}]`);
    if (!el) throw new Error(`case-filter: missing [data-${name}]`);
    return el;
  }

  /**
   * On a phone the results sit above the long facet list, so after a tap nothing that changed
   * would be in view: the status line (which names the count) takes focus and scrolls into view.
   */
  async #select(selection: Selection, fromFacet = false): Promise<void> {
    history.pushState(null, '', `${location.pathname}${writeSelection(selection)}`);
    await this.#apply(selection);
    if (fromFacet && window.matchMedia('(max-width: 48rem)').matches) {
      const status = this.#part('status');
      status.focus({ preventScroll: true });
      status.scrollIntoView({ block: 'start' });
    }
  }

  async #apply(selection: Selection): Promise<void> {
    const run = ++this.#run;
    this.#selection = selection;
    // aria-current marks the chosen values: a link cannot be a pressed toggle.
    for (const [key, a] of this.#links) {
      if (selection[key.split(':')[0] as FacetKey] === a.dataset['value']) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
    const status = this.#part('status');
    const pager = this.#part('pager');
    const active = this.#part('active');
    if (isEmpty(selection) && this.#original) {
      this.#part('list').replaceChildren(...this.#original.list);
      status.textContent = this.#original.status;
      for (const [el, text] of this.#original.counts) el.textContent = text;
      pager.hidden = false;
      active.hidden = true;
      return;
    }
    const filterValue = (k: FacetKey, id: string) => this.#links.get(`${k}:${id}`)?.dataset['filter'];
    const { unknown } = pagefindFilters(selection, filterValue);
    pager.hidden = true;
    this.#renderActive(selection, unknown);
    status.textContent = '正在筛选……';
    const pagefind = await loadPagefind();
    // Pagefind counts only the filters whose data it has loaded; this loads them all once.
    this.#filtersLoaded ??= pagefind.filters();
    await this.#filtersLoaded;
    const searches = countSearches(selection);
    const responses = await Promise.all(searches.map((s) => pagefind.search(null, { filters: pagefindFilters(s.selection, filterValue).filters, sort: { year: 'desc' } })));
    if (run !== this.#run) return;
    const [search] = responses;
    if (!search) return;
    this.#results = search.results;
    this.#shown = 0;
    status.textContent = `共 ${search.results.length} 个案例符合筛选条件`;
    this.#part('list').replaceChildren();
    this.#updateCounts(mergeCounts(searches.map((s, i) => ({ facets: s.facets, counts: responses[i]?.filters ?? {} }))));
    await this.#more(run);
  }

  #renderActive(selection: Selection, unknown: FacetKey[]): void {
    const active = this.#part('active');
    const names = FACET_KEYS.flatMap((k) => {
      const a = selection[k] ? this.#links.get(`${k}:${selection[k]}`) : undefined;
      return a ? [a.textContent?.trim() ?? ''] : [];
    });
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.className = 'button button--quiet';
    clear.textContent = '清除筛选';
    clear.addEventListener('click', () => void this.#select({}));
    const notice = unknown.length > 0 ? `链接中的部分筛选条件已不存在，已忽略。` : '';
    active.replaceChildren(`${notice}当前筛选：${names.join(' + ') || '无'} `, clear);
    active.hidden = false;
  }

  #updateCounts(counts: Counts): void {
    for (const [key, a] of this.#links) {
      const facet = key.split(':')[0] ?? '';
      const n = counts[facet]?.[a.dataset['filter'] ?? ''] ?? 0;
      const el = this.querySelector<HTMLElement>(`[data-count-for="${CSS.escape(key)}"]`);
      if (el) el.textContent = String(n);
      a.classList.toggle('is-empty', n === 0 && !a.hasAttribute('aria-current'));
    }
  }

  async #more(run: number): Promise<void> {
    const slice = this.#results.slice(this.#shown, this.#shown + PAGE);
    const data = await Promise.all(slice.map((r) => r.data()));
    if (run !== this.#run) return;
    this.#shown += slice.length;
    const list = this.#part('list');
    list.querySelector('[data-more]')?.remove();
    for (const d of data) list.append(this.#item(d));
    if (this.#shown < this.#results.length) {
      const li = document.createElement('li');
      li.dataset['more'] = '';
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = `显示更多（还有 ${this.#results.length - this.#shown} 个）`;
      button.addEventListener('click', () => void this.#more(this.#run));
      li.append(button);
      list.append(li);
    }
  }

  /** The same card as CaseCard.astro, chips included, from the filter values the case page carries. */
  #item(d: ResultData): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'card';
    const h = document.createElement('h3');
    h.className = 'card__title';
    const a = document.createElement('a');
    a.href = d.url;
    a.textContent = d.meta['title'] ?? d.url;
    h.append(a);
    const first = (key: string) => d.filters?.[key]?.[0];
    const chips: [string | undefined, boolean][] = [
      [first('sector'), true],
      [first('year') && `${first('year')}年`, false],
      [first('tier'), false],
      [first('stage') && `${first('stage')}环节`, false],
    ];
    const meta = document.createElement('p');
    meta.className = 'card__meta';
    for (const [text, accent] of chips) {
      if (!text) continue;
      const badge = document.createElement('span');
      badge.className = accent ? 'badge badge--accent' : 'badge';
      badge.textContent = text;
      meta.append(badge, ' ');
    }
    meta.lastChild?.remove();
    const p = document.createElement('p');
    p.className = 'card__summary';
    p.textContent = d.meta['summary'] ?? '';
    li.append(h, meta, p);
    return li;
  }
}

customElements.define('case-filter', CaseFilter);
