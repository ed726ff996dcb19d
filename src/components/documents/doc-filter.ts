/**
 * <doc-filter>: narrows /documents/ by status and issuing body without leaving the page. The
 * list is complete without JavaScript; the controls appear only when this script runs.
 */
import { matches, readFilter, writeFilter, type DocFilter } from './doc-filter-state.ts';

class DocFilterElement extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('fieldset');
    const status = this.querySelector<HTMLSelectElement>('select[name="status"]');
    const issuer = this.querySelector<HTMLSelectElement>('select[name="issuer"]');
    const output = this.querySelector<HTMLElement>('[data-count]');
    if (!form || !status || !issuer || !output) return;
    form.hidden = false;
    const apply = (f: DocFilter) => {
      status.value = f.status;
      issuer.value = f.issuer;
      let shown = 0;
      for (const li of this.querySelectorAll<HTMLElement>('[data-status][data-issuer]')) {
        const visible = matches({ status: li.dataset['status'] ?? '', issuer: li.dataset['issuer'] ?? '' }, f);
        li.hidden = !visible;
        if (visible) shown++;
      }
      for (const section of this.querySelectorAll<HTMLElement>('[data-group]')) {
        section.hidden = section.querySelector('[data-status]:not([hidden])') === null;
      }
      output.textContent = `显示 ${shown} 件`;
    };
    const onChange = () => {
      const f = { status: status.value, issuer: issuer.value };
      history.replaceState(null, '', `${location.pathname}${writeFilter(f)}`);
      apply(f);
    };
    status.addEventListener('change', onChange);
    issuer.addEventListener('change', onChange);
    apply(readFilter(location.search));
  }
}

customElements.define('doc-filter', DocFilterElement);
