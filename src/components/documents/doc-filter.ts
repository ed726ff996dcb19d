/**
 * <doc-filter>: narrows /documents/ by status, issuing body and contributing unit without leaving
 * the page. The list is complete without JavaScript; the controls appear only when this script runs.
 */
import { DOC_FILTER_KEYS, matches, readFilter, writeFilter, type DocFilter } from './doc-filter-state.ts';

class DocFilterElement extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('fieldset');
    const selects = DOC_FILTER_KEYS.map((key) => this.querySelector<HTMLSelectElement>(`select[name="${key}"]`));
    const output = this.querySelector<HTMLElement>('[data-count]');
    if (!form || !output || selects.some((s) => !s)) return;
    const controls = selects as HTMLSelectElement[];
    form.hidden = false;
    const current = () => Object.fromEntries(controls.map((s) => [s.name, s.value])) as DocFilter;
    const apply = (f: DocFilter) => {
      for (const s of controls) s.value = f[s.name as keyof DocFilter];
      let shown = 0;
      for (const li of this.querySelectorAll<HTMLElement>('[data-status][data-issuer][data-unit]')) {
        const visible = matches({ status: li.dataset['status'] ?? '', issuer: li.dataset['issuer'] ?? '', unit: li.dataset['unit'] ?? '' }, f);
        li.hidden = !visible;
        if (visible) shown++;
      }
      for (const section of this.querySelectorAll<HTMLElement>('[data-group]')) {
        section.hidden = section.querySelector('[data-status]:not([hidden])') === null;
      }
      output.textContent = `显示 ${shown} 件`;
    };
    const onChange = () => {
      const f = current();
      history.replaceState(null, '', `${location.pathname}${writeFilter(f)}`);
      apply(f);
    };
    for (const s of controls) s.addEventListener('change', onChange);
    apply(readFilter(location.search));
  }
}

customElements.define('doc-filter', DocFilterElement);
