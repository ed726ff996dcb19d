/**
 * <course-builder>: a trainer assembles a course from modules and cases. The plan lives in the URL
 * (plan.ts) and, between visits, in localStorage under STORAGE_KEY. Cases outside the catalog are
 * found with the site search and described from their own pages. The slide and Word writers are
 * imported only when a download is asked for, each into its own chunk.
 *
 * Start-up reads nothing over the network: names, minutes and credit hours come from the picker the
 * page already lists (pageCatalog), so the builder appears in the script's first task. The full
 * catalogue (/builder/catalog.json, ~160 KB with every module's outcomes, readings and quiz) is only
 * for the printable plan, the Markdown file and the courseware: it is fetched when the browser is
 * idle, or at once when one of those is asked for.
 */
import type { Catalog, CatalogCase, CoursewareCase, CoursewareData } from './catalog.ts';
import { catalogLookup, itemName, planDocument, toMarkdown } from './plan-document.ts';
import { addToPlan, agenda, BREAKS, MAX_ITEMS, checkTarget, DEFAULT_CASE_MINUTES, decodePlan, emptyPlan, encodePlan, moveItem, resolvePlan, STORAGE_KEY, TARGETS, type BreakKind, type Plan, type PlanItem } from './plan.ts';
import { renderPlanList, renderPrintView, renderSignIn } from './builder-view.ts';
import { loadPagefind } from '../search/pagefind.ts';

class CourseBuilder extends HTMLElement {
  /** What the page lists until the full catalogue is read; then the full catalogue. */
  #catalog: Catalog = { audiences: [], modules: [], cases: [] };
  #full: Promise<Catalog> | undefined;
  #fullLoaded = false;
  #extra = new Map<string, CatalogCase & Partial<CoursewareCase>>();
  #courseware: CoursewareData | undefined;
  #plan: Plan = emptyPlan();

  async connectedCallback(): Promise<void> {
    this.#catalog = pageCatalog(this);
    const fromUrl = /[?&][itg]=/.test(location.search) ? decodePlan(location.search) : undefined;
    const saved = fromUrl ? undefined : decodePlan(localStorage.getItem(STORAGE_KEY) ?? '');
    const decoded = fromUrl ?? saved ?? { plan: emptyPlan(), notices: [] };
    // Only a plan naming a case outside the picker waits for the network (its page says if it still exists).
    await this.#fetchUnknownCases(decoded.plan);
    const resolved = resolvePlan(decoded.plan, catalogLookup(this.#catalog, this.#extra));
    this.#plan = resolved.plan;
    this.#notice([...decoded.notices, ...resolved.notices]);
    this.#bindForm();
    this.#bindPickers();
    this.querySelector('[data-app]')?.removeAttribute('hidden');
    this.#update(false);
    const later = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 500 }) : setTimeout(fn, 50));
    later(() => void this.#fullCatalog().catch(() => undefined));
  }

  /** The whole catalogue, fetched once; the printable plan is drawn as soon as it is here. */
  #fullCatalog(): Promise<Catalog> {
    if (!this.#full) {
      this.#full = fetch('/builder/catalog.json').then(async (res) => {
        if (!res.ok) throw new Error(`课程目录（/builder/catalog.json）读取失败：${res.status}`);
        this.#catalog = (await res.json()) as Catalog;
        this.#fullLoaded = true;
        this.#renderPrint();
        return this.#catalog;
      });
      // A failed read is tried again by the next print or download.
      this.#full.catch(() => (this.#full = undefined));
    }
    return this.#full;
  }

  #renderPrint(): void {
    if (this.#fullLoaded) renderPrintView(this.querySelector('[data-print-view]'), planDocument(this.#plan, this.#catalog, this.#extra));
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
    const keys = ['audience', 'title', 'date', 'start', 'venue', 'trainer', 'unit'] as const;
    for (const key of keys) {
      const el = this.#field(key);
      if (!el) continue;
      el.value = this.#plan[key];
      el.addEventListener('input', () => {
        this.#plan = { ...this.#plan, [key]: el.value };
        this.#update(true);
      });
    }
    this.#bindTarget();
    this.querySelector('[data-copy]')?.addEventListener('click', () => void navigator.clipboard?.writeText(location.href).then(() => this.#notice(['链接已复制，发给同事打开即可看到同样的课程。'])));
    this.querySelector('[data-print]')?.addEventListener('click', () => void this.#whenCatalog(() => window.print()));
    this.querySelector('[data-download]')?.addEventListener('click', () => void this.#whenCatalog(() => this.#save(new Blob([toMarkdown(planDocument(this.#plan, this.#catalog, this.#extra))], { type: 'text/markdown;charset=utf-8' }), 'md')));
    for (const b of this.querySelectorAll<HTMLButtonElement>('button[data-export]')) b.addEventListener('click', () => void this.#export(b));
    this.querySelector('[data-print-signin]')?.addEventListener('click', () => void this.#whenCatalog(() => this.#printSignIn()));
    this.querySelector('[data-clear]')?.addEventListener('click', () => {
      this.#plan = emptyPlan();
      for (const key of keys) {
        const el = this.#field(key);
        if (el) el.value = this.#plan[key];
      }
      this.#showTarget();
      this.#update(true);
    });
  }

  /** A preset (半天, 一天) fills in the minutes; typing minutes picks the matching preset or 自定. */
  #bindTarget(): void {
    const preset = this.#field('targetPreset');
    const minutes = this.#field('target');
    this.#showTarget();
    preset?.addEventListener('change', () => {
      if (preset.value === 'custom') return minutes?.focus();
      this.#plan = { ...this.#plan, target: Number(preset.value) || 0 };
      this.#showTarget();
      this.#update(true);
    });
    minutes?.addEventListener('change', () => {
      const n = Math.round(Number(minutes.value));
      this.#plan = { ...this.#plan, target: Number.isFinite(n) && n >= 30 && n <= 720 ? n : 0 };
      this.#showTarget();
      this.#update(true);
    });
  }

  /** Runs what needs the full catalogue once it is here; a failed read is said, not swallowed. */
  async #whenCatalog(fn: () => void): Promise<void> {
    try {
      await this.#fullCatalog();
    } catch (e) {
      return this.#notice([`${e instanceof Error ? e.message : String(e)}。请刷新页面后重试。`]);
    }
    fn();
  }

  #showTarget(): void {
    const preset = this.#field('targetPreset');
    const minutes = this.#field('target');
    const t = this.#plan.target;
    if (preset) preset.value = t === 0 ? '0' : TARGETS.some((x) => x.minutes === t) ? String(t) : 'custom';
    if (minutes) minutes.value = t > 0 ? String(t) : '';
  }

  #add(item: PlanItem): void {
    const { plan, duplicateAt, full } = addToPlan(this.#plan, item);
    const name = itemName(item, catalogLookup(this.#catalog, this.#extra)).name;
    if (full) return this.#announce(`一次最多安排 ${MAX_ITEMS} 项，“${name}”没有加入；请先移除不需要的项。`, true);
    if (duplicateAt !== undefined) return this.#announce(`“${name}”已在课程安排第 ${duplicateAt + 1} 项，没有重复添加。`, true);
    this.#plan = plan;
    this.#announce(`已添加“${name}”，排在第 ${plan.items.length} 项。`);
  }

  #bindPickers(): void {
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-add-module], button[data-add-case], button[data-add-break], button[data-move], button[data-remove]');
      if (!button) return;
      const d = button.dataset;
      if (d['addModule']) this.#add({ kind: 'module', id: d['addModule'] });
      if (d['addBreak'] && Object.hasOwn(BREAKS, d['addBreak'])) {
        const id = d['addBreak'] as BreakKind;
        this.#add({ kind: 'break', id, minutes: BREAKS[id].minutes });
      }
      if (d['addCase']) {
        const id = d['addCase'];
        if (d['title'] && !this.#extra.has(id)) this.#extra.set(id, { id, title: d['title'], summary: d['summary'] ?? '', questions: [] });
        this.#add({ kind: 'case', id, minutes: DEFAULT_CASE_MINUTES });
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
      this.#plan = { ...this.#plan, items: this.#plan.items.map((it, j) => (j === Number(i) && it.kind !== 'module' ? { ...it, minutes: n } : it)) };
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
    const { rows, minutes, hours } = agenda(this.#plan, look);
    const total = this.querySelector('[data-total]');
    if (total) total.textContent = `共 ${this.#plan.items.length} 项，${minutes} 分钟，合 ${hours} 学时`;
    const check = checkTarget(this.#plan, rows);
    const target = this.querySelector<HTMLElement>('[data-target]');
    if (target) {
      target.textContent = check.message;
      target.dataset['state'] = check.state;
    }
    const planned = new Set(this.#plan.items.map((it) => `${it.kind}:${it.id}`));
    for (const b of this.querySelectorAll<HTMLButtonElement>('button[data-add-module], button[data-add-case]')) {
      const inPlan = planned.has(b.dataset['addModule'] ? `module:${b.dataset['addModule']}` : `case:${b.dataset['addCase']}`);
      b.classList.toggle('is-added', inPlan);
      const label = inPlan ? '已添加' : '添加';
      // Rewriting an unchanged label still dirties layout: only what changed is written.
      if (!b.closest('[data-case-results]') && b.textContent !== label) b.textContent = label;
    }
    renderPlanList(this.querySelector('[data-plan]'), this.#plan, look);
    this.#renderPrint();
    for (const li of this.querySelectorAll<HTMLElement>('[data-module-audiences]')) {
      li.classList.toggle('is-other-audience', !!this.#plan.audience && !(li.dataset['moduleAudiences'] ?? '').split(' ').includes(this.#plan.audience));
    }
  }

  #save(blob: Blob, ext: string, suffix = ''): void {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${this.#plan.title || '课程方案'}${suffix}.${ext}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  /** Courseware details, fetched once; a case found through search is read from its own page. */
  async #coursewareData(): Promise<CoursewareData> {
    if (!this.#courseware) {
      const res = await fetch('/builder/courseware.json');
      if (!res.ok) throw new Error(`课件资料（/builder/courseware.json）读取失败：${res.status}`);
      this.#courseware = (await res.json()) as CoursewareData;
    }
    const known = new Set(this.#courseware.cases.map((c) => c.id));
    for (const it of this.#plan.items) {
      if (it.kind !== 'case' || known.has(it.id) || this.#extra.get(it.id)?.facts) continue;
      const info = await readCasePage(it.id);
      if (info) this.#extra.set(it.id, info);
    }
    return this.#courseware;
  }

  async #export(button: HTMLButtonElement): Promise<void> {
    const kind = button.dataset['export'];
    const status = this.querySelector('[data-export-status]');
    const say = (t: string) => status && (status.textContent = t);
    if (this.#plan.items.every((it) => it.kind === 'break')) return void say('请先在课程中添加培训模块或案例。');
    button.disabled = true;
    say(kind === 'pptx' ? '正在生成幻灯片……' : '正在生成 Word 文件……');
    try {
      const [{ buildCourseware, slideDeck }, data] = await Promise.all([import('./courseware.ts'), this.#coursewareData(), this.#fullCatalog()]);
      const cw = buildCourseware(this.#plan, this.#catalog, data, this.#extra);
      if (kind === 'pptx') {
        const { pptxBlob } = await import('./pptx-export.ts');
        const slides = slideDeck(cw);
        this.#save(await pptxBlob(slides, { title: cw.doc.title, author: this.#plan.trainer }), 'pptx');
        say(`幻灯片已生成，共 ${slides.length} 页；测验答案在最后几页，放映时请略过。`);
      } else {
        const { handoutBlob, answerKeyBlob } = await import('./docx-export.ts');
        if (kind === 'key') this.#save(await answerKeyBlob(cw), 'docx', '-测验答案');
        else this.#save(await handoutBlob(cw), 'docx', '-讲义');
        say(kind === 'key' ? '测验答案已生成（培训师用，请勿随讲义分发）。' : '讲义已生成；测验答案另见“下载测验答案”。');
      }
    } catch (e) {
      say(`生成失败：${e instanceof Error ? e.message : String(e)}。请刷新页面后重试。`);
    } finally {
      button.disabled = false;
    }
  }

  #printSignIn(): void {
    const n = Math.min(300, Math.max(1, Math.round(Number(this.#field('signinCount')?.value) || 30)));
    renderSignIn(this.querySelector('[data-signin-view]'), planDocument(this.#plan, this.#catalog, this.#extra), n);
    this.dataset['printing'] = 'signin';
    addEventListener('afterprint', () => delete this.dataset['printing'], { once: true });
    window.print();
  }

  /** What the last 添加 did, shown beside the total (on a phone, in the bar kept in view). */
  #announce(text: string, warning = false): void {
    const status = this.querySelector<HTMLElement>('[data-added]');
    if (!status) return;
    status.textContent = text;
    status.dataset['state'] = warning ? 'over' : 'fits';
  }

  #notice(lines: string[]): void {
    const box = this.querySelector<HTMLElement>('[data-notice]');
    if (!box) return;
    box.hidden = lines.length === 0;
    box.replaceChildren(...lines.map((l) => Object.assign(document.createElement('p'), { textContent: l })));
  }
}

/**
 * The catalogue as far as the page lists it: each module's title, minutes and credit hours and each
 * case's title from the picker, the audiences from their menu. Enough to resolve, list and time a plan.
 */
function pageCatalog(root: HTMLElement): Catalog {
  const name = (b: HTMLElement) => b.parentElement?.querySelector('[data-name]')?.textContent?.trim() ?? '';
  const modules = [...root.querySelectorAll<HTMLButtonElement>('button[data-add-module]')].map((b) => ({
    id: b.dataset['addModule'] ?? '',
    title: name(b),
    summary: '',
    audiences: (b.parentElement?.dataset['moduleAudiences'] ?? '').split(' ').filter(Boolean),
    minutes: Number(b.dataset['minutes']) || 0,
    hours: Number(b.dataset['hours']) || 0,
    outcomes: [],
    schedule: [],
    readings: [],
    questions: [],
    quiz: [],
    cases: [],
  }));
  const cases = [...root.querySelectorAll<HTMLButtonElement>('button[data-add-case]')].map((b) => ({ id: b.dataset['addCase'] ?? '', title: name(b), summary: '', questions: [] }));
  const audiences = [...root.querySelectorAll<HTMLOptionElement>('select[name="audience"] option')].filter((o) => o.value).map((o) => ({ id: o.value, name: o.text }));
  return { audiences, modules, cases };
}

/** A case's sections from its page: the paragraphs under each heading of the case body. */
function pageSection(doc: Document, heading: string): string[] {
  const h = [...doc.querySelectorAll('.case__body h2')].find((x) => x.textContent?.trim() === heading);
  const out: string[] = [];
  for (let n = h?.nextElementSibling; n && n.tagName !== 'H2'; n = n.nextElementSibling) {
    const items = n.matches('ul, ol') ? [...n.querySelectorAll('li')] : [n];
    out.push(...items.map((x) => x.textContent?.replace(/\s+/g, ' ').trim() ?? '').filter(Boolean));
  }
  return out;
}

/** Title, summary, questions and full text of a case, from its published page; undefined if it is gone. */
async function readCasePage(id: string): Promise<(CatalogCase & Partial<CoursewareCase>) | undefined> {
  const res = await fetch(`/cases/${id}/`);
  if (!res.ok) return undefined;
  const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
  const title = doc.querySelector('h1')?.textContent?.trim();
  if (!title) return undefined;
  const questions = [...doc.querySelectorAll('#questions-title + ol li')].map((li) => li.textContent?.trim() ?? '');
  const chain = [...doc.querySelectorAll('.chain__step')].map((li) => [...li.children].map((c) => c.textContent?.replace(/\s+/g, ' ').trim()).filter(Boolean).join('：').replace('：依据：', '；依据：'));
  return {
    id,
    title,
    summary: doc.querySelector('.lead')?.textContent?.trim() ?? '',
    questions,
    background: pageSection(doc, '基本案情'),
    facts: pageSection(doc, '违纪违法事实'),
    outcome: pageSection(doc, '处理结果'),
    lessons: pageSection(doc, '警示启示'),
    chain,
  };
}

customElements.define('course-builder', CourseBuilder);
