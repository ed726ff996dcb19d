/**
 * <course-builder>: a trainer assembles a course from modules and cases. The plan lives in the URL
 * (plan.ts) and, between visits, in localStorage under STORAGE_KEY. Cases outside the catalog are
 * found with the site search and described from their own pages.
 */
import type { Catalog, CatalogCase } from './catalog.ts';
import { catalogLookup, planDocument, toMarkdown } from './plan-document.ts';
import { agenda, DEFAULT_CASE_MINUTES, decodePlan, emptyPlan, encodePlan, moveItem, resolvePlan, STORAGE_KEY, type Plan } from './plan.ts';
import { renderPlanList, renderPrintView } from './builder-view.ts';
import { loadPagefind } from '../search/pagefind.ts';

class CourseBuilder extends HTMLElement {
  #catalog: Catalog = { audiences: [], modules: [], cases: [] };
  #extra = new Map<string, CatalogCase>();
  #plan: Plan = emptyPlan();

  async connectedCallback(): Promise<void> {
    this.#catalog = (await (await fetch('/builder/catalog.json')).json()) as Catalog;
    const fromUrl = location.search.includes('i=') || location.search.includes('t=') ? decodePlan(location.search) : undefined;
    const saved = fromUrl ? undefined : decodePlan(localStorage.getItem(STORAGE_KEY) ?? '');
    const decoded = fromUrl ?? saved ?? { plan: emptyPlan(), notices: [] };
    await this.#fetchUnknownCases(decoded.plan);
    const resolved = resolvePlan(decoded.plan, catalogLookup(this.#catalog, this.#extra));
    this.#plan = resolved.plan;
    this.#notice([...decoded.notices, ...resolved.notices]);
    this.#bindForm();
    this.#bindPickers();
    this.querySelector('[data-app]')?.removeAttribute('hidden');
    this.#update(false);
  }

  /** A shared link may name cases outside the catalog: read each from its page, or report it gone. */
  async #fetchUnknownCases(plan: Plan): Promise<void> {
    const known = catalogLookup(this.#catalog);
    for (const it of plan.items) {
      if (it.kind !== 'case' || known.knowsCase(it.id)) continue;
      const info = await readCasePage(it.id);
      if (info) this.#extra.set(it.id, info);
    }
  }

  #field(name: string): HTMLInputElement | HTMLSelectElement | null {
    return this.querySelector(`[name="${name}"]`);
  }

  #bindForm(): void {
    const keys = ['audience', 'title', 'date', 'start', 'venue', 'trainer'] as const;
    for (const key of keys) {
      const el = this.#field(key);
      if (!el) continue;
      el.value = this.#plan[key];
      el.addEventListener('input', () => {
        this.#plan = { ...this.#plan, [key]: el.value };
        this.#update(true);
      });
    }
    this.querySelector('[data-copy]')?.addEventListener('click', () => void navigator.clipboard?.writeText(location.href).then(() => this.#notice(['链接已复制，发给同事打开即可看到同样的课程。'])));
    this.querySelector('[data-print]')?.addEventListener('click', () => window.print());
    this.querySelector('[data-download]')?.addEventListener('click', () => this.#download());
    this.querySelector('[data-clear]')?.addEventListener('click', () => {
      this.#plan = emptyPlan();
      for (const key of keys) {
        const el = this.#field(key);
        if (el) el.value = this.#plan[key];
      }
      this.#update(true);
    });
  }

  #bindPickers(): void {
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-add-module], button[data-add-case], button[data-move], button[data-remove]');
      if (!button) return;
      const d = button.dataset;
      if (d['addModule']) this.#plan = { ...this.#plan, items: [...this.#plan.items, { kind: 'module', id: d['addModule'] }] };
      if (d['addCase']) {
        const id = d['addCase'];
        if (d['title']) this.#extra.set(id, { id, title: d['title'], summary: d['summary'] ?? '', questions: [] });
        this.#plan = { ...this.#plan, items: [...this.#plan.items, { kind: 'case', id, minutes: DEFAULT_CASE_MINUTES }] };
      }
      if (d['move']) {
        const [from, to] = d['move'].split(':').map(Number);
        this.#plan = moveItem(this.#plan, from ?? 0, to ?? 0);
      }
      if (d['remove'] !== undefined) this.#plan = { ...this.#plan, items: this.#plan.items.filter((_, i) => i !== Number(d['remove'])) };
      this.#update(true);
      if (d['move']) this.querySelector<HTMLButtonElement>(`button[data-move^="${d['move'].split(':')[1]}:"]`)?.focus();
    });
    this.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      const i = input.dataset['minutesFor'];
      if (i === undefined) return;
      const n = Math.min(240, Math.max(5, Math.round(Number(input.value) || DEFAULT_CASE_MINUTES)));
      this.#plan = { ...this.#plan, items: this.#plan.items.map((it, j) => (j === Number(i) && it.kind === 'case' ? { ...it, minutes: n } : it)) };
      this.#update(true);
    });
    const search = this.querySelector<HTMLFormElement>('[data-case-search]');
    search?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#searchCases(new FormData(search).get('q')?.toString() ?? '');
    });
  }

  async #searchCases(q: string): Promise<void> {
    const out = this.querySelector('[data-case-results]');
    if (!out || !q.trim()) return;
    const pf = await loadPagefind();
    const res = await pf.search(q, { filters: { kind: '案例' } });
    const data = await Promise.all(res.results.slice(0, 8).map((r) => r.data()));
    out.replaceChildren(
      ...data.map((d) => {
        const id = d.url.split('/').filter(Boolean).pop() ?? '';
        const li = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'button';
        Object.assign(b.dataset, { addCase: id, title: d.meta.title ?? id, summary: d.meta.summary ?? '' });
        b.textContent = `添加：${d.meta.title ?? id}`;
        li.append(b);
        return li;
      }),
    );
    if (data.length === 0) out.textContent = '没有找到相关案例。';
  }

  #update(save: boolean): void {
    const search = encodePlan(this.#plan);
    history.replaceState(null, '', `${location.pathname}${search}`);
    if (save) localStorage.setItem(STORAGE_KEY, search);
    const look = catalogLookup(this.#catalog, this.#extra);
    const { minutes, hours } = agenda(this.#plan, look);
    const total = this.querySelector('[data-total]');
    if (total) total.textContent = `共 ${this.#plan.items.length} 项，${minutes} 分钟，合 ${hours} 学时`;
    renderPlanList(this.querySelector('[data-plan]'), this.#plan, look);
    renderPrintView(this.querySelector('[data-print-view]'), planDocument(this.#plan, this.#catalog, this.#extra));
    for (const li of this.querySelectorAll<HTMLElement>('[data-module-audiences]')) {
      li.classList.toggle('is-other-audience', !!this.#plan.audience && !(li.dataset['moduleAudiences'] ?? '').split(' ').includes(this.#plan.audience));
    }
  }

  #download(): void {
    const md = toMarkdown(planDocument(this.#plan, this.#catalog, this.#extra));
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([md], { type: 'text/markdown;charset=utf-8' }));
    a.download = `${this.#plan.title || '课程方案'}.md`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  #notice(lines: string[]): void {
    const box = this.querySelector<HTMLElement>('[data-notice]');
    if (!box) return;
    box.hidden = lines.length === 0;
    box.replaceChildren(...lines.map((l) => Object.assign(document.createElement('p'), { textContent: l })));
  }
}

/** Title, summary and discussion questions of a case, from its published page; undefined if it is gone. */
async function readCasePage(id: string): Promise<CatalogCase | undefined> {
  const res = await fetch(`/cases/${id}/`);
  if (!res.ok) return undefined;
  const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
  const title = doc.querySelector('h1')?.textContent?.trim();
  if (!title) return undefined;
  const questions = [...doc.querySelectorAll('#questions-title + ol li')].map((li) => li.textContent?.trim() ?? '');
  return { id, title, summary: doc.querySelector('.lead')?.textContent?.trim() ?? '', questions };
}

customElements.define('course-builder', CourseBuilder);
