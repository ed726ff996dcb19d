/**
 * <study-page>: the learner's own study record (state shape in study-record.ts). Modules are ticked
 * here; a case or module page's “记入学习记录” link arrives as ?add=case:<id> and is added once.
 */
import { addItem, emptyRecord, mergeRecords, parseRecord, quizText, removeItem, STUDY_KEY, today, totals, type StudyRecord } from './study-record.ts';
import { proofSheet } from './study-proof.ts';

class StudyPage extends HTMLElement {
  #record: StudyRecord = emptyRecord();

  async connectedCallback(): Promise<void> {
    this.#record = parseRecord(this.#load()).record;
    await this.#addFromUrl();
    for (const box of this.querySelectorAll<HTMLInputElement>('input[data-study-module]')) {
      box.addEventListener('change', () => {
        const id = box.dataset['studyModule'] ?? '';
        this.#record = box.checked
          ? addItem(this.#record, { kind: 'module', id, title: box.dataset['title'] ?? id, hours: Number(box.dataset['hours']) || 0, at: today() })
          : removeItem(this.#record, 'module', id);
        this.#save();
      });
    }
    this.querySelector('[data-print]')?.addEventListener('click', () => window.print());
    this.querySelector('[data-print-proof]')?.addEventListener('click', () => this.#printProof());
    this.querySelector('[data-export]')?.addEventListener('click', () => this.#export());
    this.querySelector<HTMLInputElement>('[data-import]')?.addEventListener('change', (e) => void this.#import(e.target as HTMLInputElement));
    this.addEventListener('click', (e) => {
      const b = (e.target as Element).closest<HTMLButtonElement>('button[data-remove-case]');
      if (!b) return;
      this.#record = removeItem(this.#record, 'case', b.dataset['removeCase'] ?? '');
      this.#save();
    });
    for (const el of this.querySelectorAll<HTMLElement>('[data-js-only]')) el.hidden = false;
    this.#render();
  }

  async #addFromUrl(): Promise<void> {
    const add = new URLSearchParams(location.search).get('add');
    if (!add) return;
    history.replaceState(null, '', location.pathname);
    const [kind, id = ''] = add.split(':');
    if ((kind !== 'case' && kind !== 'module') || !/^[a-z0-9-]+$/.test(id)) return this.#say('链接中的学习内容无法识别。');
    const box = this.querySelector<HTMLInputElement>(`input[data-study-module="${id}"]`);
    if (kind === 'module' && box) {
      this.#record = addItem(this.#record, { kind, id, title: box.dataset['title'] ?? id, hours: Number(box.dataset['hours']) || 0, at: today() });
    } else if (kind === 'case') {
      const res = await fetch(`/cases/${id}/`);
      const title = res.ok ? caseTitle(await res.text()) : undefined;
      if (!title) return this.#say('这个案例已不存在，未能记入。');
      this.#record = addItem(this.#record, { kind, id, title, hours: 0, at: today() });
    } else return this.#say('这个培训模块已不存在，未能记入。');
    this.#save();
    this.#say('已记入学习记录。');
  }

  #render(): void {
    const studied = new Set(this.#record.items.map((i) => `${i.kind}:${i.id}`));
    for (const box of this.querySelectorAll<HTMLInputElement>('input[data-study-module]')) box.checked = studied.has(`module:${box.dataset['studyModule']}`);
    const t = totals(this.#record);
    const summary = `已学 ${t.modules} 个培训模块、${t.cases} 个案例，累计 ${t.hours} 学时`;
    for (const el of this.querySelectorAll('[data-totals]')) el.textContent = summary;
    const studiedCases = this.#record.items.filter((i) => i.kind === 'case');
    const empty = this.querySelector<HTMLElement>('[data-cases-empty]');
    if (empty) empty.hidden = studiedCases.length > 0;
    const cases = this.querySelector('[data-cases]');
    cases?.replaceChildren(
      ...studiedCases
        .map((i) => {
          const li = document.createElement('li');
          const a = Object.assign(document.createElement('a'), { href: `/cases/${i.id}/`, textContent: i.title });
          const b = Object.assign(document.createElement('button'), { type: 'button', className: 'button--quiet', textContent: '移除' });
          b.dataset['removeCase'] = i.id;
          b.setAttribute('aria-label', `移除：${i.title}`);
          li.append(a, `（${i.at}） `, b);
          return li;
        }),
    );
    const scores = new Map(this.#record.items.map((i) => [i.id, i.quiz]));
    for (const el of this.querySelectorAll<HTMLElement>('[data-quiz-for]')) {
      const q = scores.get(el.dataset['quizFor'] ?? '');
      el.textContent = q ? ` · ${quizText(q)}` : '';
    }
    const rows = this.querySelector('[data-print-rows]');
    rows?.replaceChildren(
      ...this.#record.items.map((i) => {
        const tr = document.createElement('tr');
        for (const text of [i.kind === 'module' ? '培训模块' : '案例', i.title, String(i.hours), i.at, quizText(i.quiz)]) tr.append(Object.assign(document.createElement('td'), { textContent: text }));
        return tr;
      }),
    );
  }

  /** The name is read from the field for this printout only: never stored, never sent. */
  #printProof(): void {
    const name = this.querySelector<HTMLInputElement>('input[name="learner"]')?.value.trim() ?? '';
    if (!name) {
      this.querySelector<HTMLInputElement>('input[name="learner"]')?.focus();
      return this.#say('请先填写姓名，再打印学习证明。');
    }
    if (!this.#record.items.some((i) => i.kind === 'module')) return this.#say('学习记录里还没有培训模块，暂时无法出具学习证明。');
    this.querySelector('[data-proof]')?.replaceChildren(...proofSheet(this.#record, name, today()));
    this.dataset['printing'] = 'proof';
    addEventListener('afterprint', () => delete this.dataset['printing'], { once: true });
    window.print();
  }

  #export(): void {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([JSON.stringify(this.#record, null, 2)], { type: 'application/json' }));
    a.download = `学习记录-${today()}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  async #import(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    const { record, rejected, error } = parseRecord(await file.text());
    input.value = '';
    if (error) return this.#say(`导入失败：${error}`);
    this.#record = mergeRecords(this.#record, record);
    this.#save();
    this.#say(`已导入 ${record.items.length} 条记录${rejected ? `，另有 ${rejected} 条无法识别，已跳过` : ''}。`);
  }

  #say(text: string): void {
    const box = this.querySelector('[data-message]');
    if (box) box.textContent = text;
  }

  #load(): string | null {
    try {
      return localStorage.getItem(STUDY_KEY);
    } catch {
      return null;
    }
  }

  #save(): void {
    try {
      localStorage.setItem(STUDY_KEY, JSON.stringify(this.#record));
    } catch {
      this.#say('浏览器不允许保存，本次记录在关闭页面后不会保留；请先导出。');
    }
    this.#render();
  }
}

customElements.define('study-page', StudyPage);

/**
 * The case page's h1, read without parsing the whole page: DOMParser would meet the page's own
 * inline <style>, whose CSP hash belongs to that page, and report it as a violation here.
 */
function caseTitle(html: string): string | undefined {
  const inner = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
  if (inner === undefined) return undefined;
  // A textarea decodes entities (&amp; …) and never runs or styles anything.
  const decode = document.createElement('textarea');
  decode.innerHTML = inner.replace(/<[^>]*>/g, '');
  return decode.value.trim() || undefined;
}
