/**
 * <search-page>: results as you type, facet filters with counts, sorting, and the whole state in
 * the URL (search-state.ts). Pagefind loads on the first query, not with the page. What was typed is
 * read first (query.ts): filler dropped, kind words turned into the kind filter. A strict search
 * (every word) comes first; when no page holds every word the page says so and ranks pages by how
 * many words they hold; traditional characters are converted when nothing matched whole.
 * Keyboard: `/` focuses the box, ↓/↑ move through results, Esc returns to the box.
 */
import { holdsAll, makeExcerpt, markTerms } from './excerpt.ts';
import { FederatedSearch, readNetwork, unavailableNote } from './federation.ts';
import { loadNarrative, loadPagefind, openMemberBundle, openMemberNarrative, type NarrativeSearch, type Pagefind, type PagefindResponse, type PagefindResultData } from './pagefind.ts';
import { hasChinese, isSectionWord, kindsOf, mergeRelaxed, sectionNote, strictQuery, suggestions, understandQuery, withKnownWords, type UnderstoodQuery } from './query.ts';
import { afterWhole, rerank } from './rank.ts';
import { bestTarget, FILTER_KEYS, FILTER_LABELS, pagefindFilters, readState, resultHref, toggleFilter, writeState, type FilterKey, type SearchState } from './search-state.ts';
import { loadVocabulary, toSimplified } from './simplify.ts';

const PAGE = 10;
/** Partial matches are checked word by word before they are shown; past these, none is worth reading. */
const RELAXED_CHECKED = 30;
/** Results whose text is loaded to be ranked again (rank.ts): about 1.3 KB each. */
const RANKED = 20;
/**
 * Below this many main results (or when the first page is not all whole matches) the narrative bundle is searched too. A query common enough to pass
 * it (招标 finds 835 pages in the 10,000-case benchmark) is answered by titles, summaries and
 * keywords and downloads nothing more; a detail, or any query on a library of a few hundred pages,
 * also searches the cases' narratives.
 */
const THIN = 50;
/** Fewer whole matches than this, and the rest of the first page is filled with partial matches of the query's words. */
const FEW = 5;

type Hit = PagefindResponse['results'][number];
type Filters = ReturnType<typeof pagefindFilters>;

interface Found {
  query: UnderstoodQuery;
  hits: Hit[];
  response: PagefindResponse;
  /** Results whose text holds every query word, among those loaded for the first page. */
  whole: number;
  relaxed: boolean;
  first: PagefindResultData[];
  /** Cases found only through their narrative (the second bundle), listed after the main results. */
  narrative: number;
  /** This site's narrative index could not be read (missing, corrupt, offline): the reader is told. */
  narrativeFailed?: boolean;
  /** The narrative bundle's hits: listed only once their text is seen to hold every word as written. */
  fromNarrative?: ReadonlySet<Hit>;
}

class SearchPage extends HTMLElement {
  #state: SearchState = readState(location.search);
  #found: Found | undefined;
  #shown = 0;
  #run = 0;
  #timer: number | undefined;
  /** Member sites searched with this one (issue 20); undefined for a site on its own. */
  #network: FederatedSearch | undefined;
  /** This site's narratives and the members', once #network exists (#narrative). */
  #narrativeSearch: NarrativeSearch | undefined;

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

  /** Strict first; per-word searches merged when no page holds every word. */
  async #find(pf: Pagefind, query: UnderstoodQuery, base: Filters): Promise<Found> {
    const options = this.#options(query, base);
    const response = await pf.search(strictQuery(query) || null, options);
    const ranked = await this.#ranked(response.results, query);
    let hits = ranked.hits;
    let first = ranked.data.slice(0, PAGE);
    let whole = first.filter((d) => holdsAll(d, query.terms)).length;
    if (query.phrases.length > 0) {
      // A quoted phrase must appear as written, not as characters Pagefind's segmenter split apart.
      const keep = first.map((d) => query.phrases.every((p) => holdsAll(d, [p])));
      hits = hits.slice(0, PAGE).filter((_, i) => keep[i]);
      first = first.filter((_, i) => keep[i]);
      whole = first.length;
    }
    // A few whole matches leave most of the first page to Pagefind's character matches: it is filled
    // with the relaxed search's pages instead, after the whole matches and labelled as partial.
    const few = whole > 0 && whole < FEW && query.phrases.length === 0 && this.#state.sort !== 'year';
    if (whole === 0 || few) query = withKnownWords(query, await loadVocabulary());
    if ((whole > 0 && !few) || query.words.flat().length < 2) return { query, hits, response, whole, relaxed: false, first, narrative: 0 };
    const perTerm = await Promise.all(query.words.map((ws) => Promise.all(ws.map((w) => pf.search(w, options)))));
    const merged = mergeRelaxed(perTerm.map((rs) => rs.map((r) => r.results.map((h) => ({ id: h.id, score: h.score, item: h })))));
    // Pagefind answers a word it does not know with its single characters (化石 → 化, 石): a relaxed
    // result must hold at least one of the words as written, or it is not shown at all.
    const top = merged.slice(0, RELAXED_CHECKED);
    const candidates = top.map((m) => m.item);
    const data = await Promise.all(candidates.map((h) => h.data()));
    const words = query.words.flat();
    const held = candidates.map((_, i) => words.some((w) => holdsAll(data[i] as PagefindResultData, [w])));
    const relaxed = rerank(candidates.filter((_, i) => held[i]), data.filter((_, i) => held[i]), query, top.filter((_, i) => held[i]).map((m) => m.matched));
    if (few) {
      const filled = afterWhole({ hits, data: first }, whole, relaxed);
      return { query, hits: filled.hits, response, whole, relaxed: false, first: filled.data.slice(0, PAGE), narrative: 0 };
    }
    hits = relaxed.hits;
    first = relaxed.data.slice(0, PAGE);
    return { query, hits, response, whole: 0, relaxed: hits.length > 0, first, narrative: 0 };
  }

  /** Sorted by the year, Pagefind's order stands; by relevance, the first RANKED are ranked again (rank.ts). */
  async #ranked(hits: Hit[], query: UnderstoodQuery): Promise<{ hits: Hit[]; data: PagefindResultData[] }> {
    const data = await Promise.all(hits.slice(0, this.#state.sort === 'year' ? PAGE : RANKED).map((h) => h.data()));
    return this.#state.sort === 'year' ? { hits, data } : rerank(hits, data, query);
  }

  /**
   * When the main bundle answers thinly, cases whose narrative holds every word are listed after
   * its results and before those known to hold only some of the words: a title, summary or keyword
   * match always ranks above a mention in a narrative.
   */
  async #withNarrative(found: Found, base: Filters): Promise<Found> {
    const options = this.#options(found.query, base);
    const strict = strictQuery(found.query);
    // Many results count only when they are whole matches: an unknown word (以案四说) brings dozens of
    // single-character matches from the main bundle, and its real answers are in the narratives.
    const answered = found.hits.length >= THIN && found.first.length > 0 && found.whole === found.first.length;
    if (!strict || answered || !allowsCases(options.filters['kind'])) return found;
    const shownUrls = new Set(found.first.map((d) => d.url));
    let extra: Hit[];
    try {
      const narrative = await this.#narrative();
      if (!narrative) return found;
      extra = (await narrative.search(strict, options)).results;
      const data = await Promise.all(extra.slice(0, PAGE).map((h) => h.data()));
      // Only cases whose narrative holds every word (and any quoted phrase as written) count, and none
      // already listed. Beyond the first page the rest are kept only when every one of the first page
      // held every word.
      const holds = data.map((d) => holdsAll(d, found.query.terms) && found.query.phrases.every((p) => holdsAll(d, [p])));
      const keep = data.map((d, i) => holds[i] && !shownUrls.has(d.url));
      extra = [...extra.slice(0, PAGE).filter((_, i) => keep[i]), ...(holds.every(Boolean) && found.query.phrases.length === 0 ? extra.slice(PAGE) : [])];
    } catch {
      // This site's narrative index is missing or unreadable: the main bundle's answer still stands,
      // and the reader is told the narratives were not searched (a member's failure is handled, and
      // named, by federation.ts).
      return { ...found, narrativeFailed: true };
    }
    if (extra.length === 0) return found;
    // Partial matches are known only on the first page, the one whose data is loaded.
    const known = found.first.map((d) => !holdsAll(d, found.query.terms));
    // Past the loaded page, a main result is taken as partial once the loaded page held any partial
    // one: Pagefind ranks whole matches first, so what follows a partial match is partial too.
    const partial = (i: number) => found.relaxed || (known[i] ?? found.whole < found.first.length);
    const hits = [...found.hits.filter((_, i) => !partial(i)), ...extra, ...found.hits.filter((_, i) => partial(i))];
    const first = await Promise.all(hits.slice(0, PAGE).map((h) => h.data()));
    const whole = first.filter((d) => holdsAll(d, found.query.terms)).length;
    return { ...found, hits, first, whole, relaxed: found.relaxed && whole === 0, narrative: extra.length, fromNarrative: new Set(extra) };
  }

  async #search(): Promise<void> {
    const run = ++this.#run;
    const status = this.#part('[data-status]');
    const { q } = this.#state;
    const filters = pagefindFilters(this.#state);
    this.#note('');
    this.#part('[data-suggest]').hidden = true;
    if (!q && Object.keys(filters).length === 0) {
      for (const sel of ['[data-results]', '[data-facets]']) this.#part(sel).replaceChildren();
      this.#part('[data-more]').hidden = true;
      this.#part('[data-empty]').hidden = true;
      status.textContent = '';
      this.removeAttribute('aria-busy');
      return;
    }
    status.textContent = '正在搜索……';
    // Tells assistive technology (and tests) that results are being replaced.
    this.setAttribute('aria-busy', 'true');
    const pf = await this.#pagefind();
    if (this.#part<HTMLDetailsElement>('[data-facet-panel]').open) await pf.filters();
    let found = await this.#find(pf, understandQuery(q), filters);
    let simplified = '';
    if (found.whole === 0 && hasChinese(q)) {
      const converted = await toSimplified(q);
      if (converted !== q) {
        const again = await this.#find(pf, understandQuery(converted), filters);
        if (again.whole > 0 || (again.hits.length > 0 && found.hits.length === 0)) [found, simplified] = [again, converted];
      }
    }
    if (q) found = await this.#withNarrative(found, filters);
    if (run !== this.#run) return;
    this.#found = found;
    this.#shown = 0;
    this.#describe(found, simplified);
    this.#part('[data-results]').replaceChildren();
    this.#renderFacets(found.response);
    await this.#more(run);
    if (found.whole === 0 && q) await this.#suggest(q, run);
    if (run === this.#run) this.removeAttribute('aria-busy');
  }

  /** The status tells the truth: whole matches are counted, partial ones are called partial. */
  #describe(found: Found, simplified: string): void {
    const status = this.#part('[data-status]');
    const n = found.hits.length;
    const { q } = this.#state;
    const notes: string[] = [];
    if (simplified) notes.push(`已按简体“${simplified}”搜索。`);
    if (!this.#state.filters.kind) notes.push(sectionNote(found.query));
    if (found.query.kind && !this.#state.filters.kind) notes.push(`只显示“${found.query.kind}”类内容（来自查询中的“${found.query.dropped.find((w) => w.length > 1) ?? found.query.kind}”）。`);
    const ignored = found.query.dropped.filter((w) => w.length > 1 && !found.query.kind && !isSectionWord(w));
    if (ignored.length > 0) notes.push(`已略去“${ignored.join('”“')}”等提问用语。`);
    const terms = found.query.terms.join('”“');
    // Facet counts are the main bundle's: the count stays its own, and the narrative's cases are told apart.
    const main = n - found.narrative;
    const where = '案情全文（基本案情、违纪违法事实、处理结果、警示启示等）';
    if (found.narrative > 0) notes.push(main > 0 ? `另有 ${found.narrative} 个案例在${where}中提到“${terms}”，列在标题、摘要、关键词命中的结果之后。` : `以下案例在${where}中提到“${terms}”。`);
    if (found.narrativeFailed) notes.push(`案情全文的索引暂时无法读取，本次结果不含只在${where}中提到“${terms}”的案例（稍后刷新页面再试）。`);
    this.#note(notes.join(''));
    if (n === 0) status.textContent = `没有找到${q ? `与“${q}”` : ''}相关的内容`;
    else if (found.relaxed) status.textContent = `没有同时包含“${terms}”的内容，以下为部分匹配（${n} 个）`;
    else if (!q || found.whole === found.first.length) status.textContent = `找到 ${main > 0 ? main : n} 个结果`;
    else if (found.whole > 0) status.textContent = `${found.whole} 个结果完整包含“${terms}”，其后为只含部分字词的结果`;
    else status.textContent = `没有完整包含“${terms}”的内容，以下结果只含其中部分字词`;
    // Federation hook (issue 20): say which member sites, or which members' 案情全文, did not answer.
    const left = this.#network ? unavailableNote([...this.#network.unavailable], [...this.#network.narrativeUnavailable]) : '';
    if (left) status.textContent = `${status.textContent}。${left}`;
    this.#part('[data-empty]').hidden = n > 0;
  }

  /** This site's Pagefind, or (issue 20) it and the member sites listed in data-network behind one interface. */
  async #pagefind(): Promise<Pagefind> {
    const local = await loadPagefind();
    const network = readNetwork(this.dataset['network']);
    if (!network) return local;
    this.#network ??= new FederatedSearch(local, network, openMemberBundle, () => this.#state.filters.source);
    return this.#network;
  }

  /**
   * The cases' narratives: this site's bundle, or (issue 20) it and the member sites' behind one
   * NarrativeSearch, so the rules above (when it is searched, what counts) are the same for both.
   */
  async #narrative(): Promise<NarrativeSearch | undefined> {
    if (!this.#network) return loadNarrative();
    this.#narrativeSearch ??= this.#network.narrative(loadNarrative, openMemberNarrative);
    return this.#narrativeSearch;
  }

  #note(text: string): void {
    const note = this.#part('[data-note]');
    note.textContent = text;
    note.hidden = !text;
  }

  async #suggest(q: string, run: number): Promise<void> {
    const words = suggestions(q, await loadVocabulary());
    if (run !== this.#run || words.length === 0) return;
    const box = this.#part('[data-suggest]');
    box.replaceChildren('您是不是要找：');
    words.forEach((w, i) => {
      if (i > 0) box.append('、');
      box.append(Object.assign(document.createElement('a'), { href: `${location.pathname}${writeState({ ...this.#state, q: w })}`, textContent: w }));
    });
    box.hidden = false;
  }

  async #more(run: number): Promise<void> {
    let found = this.#found;
    if (!found) return;
    const slice = found.hits.slice(this.#shown, this.#shown + PAGE);
    const loaded = this.#shown === 0 ? found.first : await Promise.all(slice.map((r) => r.data()));
    if (run !== this.#run) return;
    this.#shown += slice.length;
    const list = this.#part('[data-results]');
    const terms = found.query.terms;
    const fromNarrative = found.fromNarrative;
    // Within a page of results, those holding every word come before those holding only some characters.
    // A narrative hit that does not hold every word as written is no result (character pairs or
    // segments present but apart: 容积 … 积率), so it is left out rather than called partial.
    const data = loaded
      .map((d, i) => {
        const hit = slice[i];
        return { d, whole: holdsAll(d, terms), narrative: hit !== undefined && (fromNarrative?.has(hit) ?? false) };
      })
      .filter((r) => r.whole || !r.narrative)
      .sort((a, b) => Number(b.whole) - Number(a.whole));
    for (const { d, whole } of data) {
      const target = bestTarget(d, this.#state.q);
      // An article found both on its rule's page and as its own record is listed once.
      if (list.querySelector(`a[data-target="${CSS.escape(target.url)}"]`)) continue;
      list.append(this.#item(d, target, terms, whole || !this.#state.q));
    }
    const more = this.#part('[data-more]');
    const end = this.#shown >= found.hits.length;
    more.hidden = end;
    more.textContent = `显示更多（还有 ${found.hits.length - this.#shown} 个）`;
  }

  /** Both bundles are searched with the reader's filters, the kinds the query names (kind or section word) and the sort. */
  #options(query: UnderstoodQuery, base: Filters) {
    const kinds = kindsOf(query);
    const filters = kinds && !base['kind'] ? { ...base, kind: { any: kinds } } : base;
    return { filters, ...(this.#state.sort === 'year' ? { sort: { year: 'desc' as const } } : {}) };
  }

  #item(d: PagefindResultData, target: { url: string; meta: Record<string, string | undefined> }, terms: readonly string[], whole: boolean): HTMLLIElement {
    const li = document.createElement('li');
    const h = document.createElement('h2');
    // Federation hook (issue 20): the 来源单位 of every result once member sites are searched.
    // (Cases found through this site's narrative bundle are this site's own.)
    const source = d.meta['source'] ?? this.#network?.network.self;
    if (source) h.append(Object.assign(document.createElement('span'), { className: 'badge badge--source', textContent: source }), ' ');
    if (d.meta['kind']) h.append(Object.assign(document.createElement('span'), { className: 'badge badge--accent', textContent: d.meta['kind'] }), ' ');
    if (!whole) h.append(Object.assign(document.createElement('span'), { className: 'badge', textContent: '部分匹配' }), ' ');
    const excerpt = makeExcerpt(d, terms);
    const a = Object.assign(document.createElement('a'), { href: resultHref(target.url, excerpt) });
    // The title shows the matched words too: a result found by its title alone (招标文件量身定制)
    // would otherwise show the reader no sign of why it is there.
    for (const part of markTerms(target.meta['title'] ?? target.url, terms)) a.append(part.mark ? Object.assign(document.createElement('mark'), { textContent: part.text }) : part.text);
    a.dataset['target'] = target.url;
    h.append(a);
    const p = document.createElement('p');
    for (const part of excerpt) p.append(part.mark ? Object.assign(document.createElement('mark'), { textContent: part.text }) : part.text);
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

/** Whether a kind filter lets cases through: the narrative bundle holds nothing else. */
function allowsCases(kind: Filters[string] | undefined): boolean {
  return kind === undefined || kind.any.includes('案例');
}

customElements.define('search-page', SearchPage);
