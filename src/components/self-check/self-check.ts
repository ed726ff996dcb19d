/**
 * <self-check>: remembers which items a person ticked, in their own browser only (see the state
 * shape in self-check-state.ts), lets them start over, and fills in the date on the printed sheet.
 */
import { emptyState, parseState, setChecked, storageKey, summary, type SelfCheckState } from './self-check-state.ts';

class SelfCheck extends HTMLElement {
  #state: SelfCheckState = emptyState();

  connectedCallback(): void {
    const listId = this.dataset['list'] ?? '';
    const boxes = [...this.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-item]')];
    const ids = boxes.map((b) => b.dataset['item'] ?? '');
    const key = storageKey(listId);
    this.#state = parseState(this.#read(key), ids);
    const render = () => {
      const checked = new Set(this.#state.checked);
      for (const b of boxes) b.checked = checked.has(b.dataset['item'] ?? '');
      const { done, open } = summary(this.#state, ids);
      this.#text('[data-progress]', `已确认 ${done} 项，共 ${ids.length} 项${open.length ? `，还有 ${open.length} 项待确认` : ''}`);
      this.#text('[data-print-date]', new Date().toLocaleDateString('zh-CN', { year: 'numeric', month: 'long', day: 'numeric' }));
    };
    for (const b of boxes) {
      b.addEventListener('change', () => {
        this.#state = setChecked(this.#state, b.dataset['item'] ?? '', b.checked, new Date());
        this.#write(key);
        render();
      });
    }
    const reset = this.querySelector<HTMLButtonElement>('[data-reset]');
    const print = this.querySelector<HTMLButtonElement>('[data-print]');
    for (const button of [reset, print]) if (button) button.hidden = false;
    reset?.addEventListener('click', () => {
      this.#state = emptyState();
      try {
        localStorage.removeItem(key);
      } catch {
        // storage unavailable: nothing was saved either
      }
      render();
    });
    print?.addEventListener('click', () => window.print());
    render();
  }

  #text(selector: string, text: string): void {
    const el = this.querySelector(selector);
    if (el) el.textContent = text;
  }

  #read(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  #write(key: string): void {
    try {
      localStorage.setItem(key, JSON.stringify(this.#state));
    } catch {
      // private mode or storage full: ticks still work for this visit
    }
  }
}

customElements.define('self-check', SelfCheck);
