/**
 * <share-link>: copies the address the reader is on (not one fixed at build time, which may be
 * a placeholder or another host), or opens the phone's share sheet where there is one.
 */
class ShareLink extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-share]');
    const input = this.querySelector<HTMLInputElement>('input');
    const done = this.querySelector<HTMLElement>('[data-done]');
    if (!button || !input || !done) return;
    input.value = location.href.split('#')[0] ?? location.href;
    input.hidden = false;
    this.querySelector<HTMLElement>('[data-no-script]')?.remove();
    const canShare = typeof navigator.share === 'function';
    button.textContent = canShare ? '分享' : '复制链接';
    button.hidden = false;
    input.addEventListener('focus', () => input.select());
    button.addEventListener('click', async () => {
      try {
        if (canShare) await navigator.share({ title: this.dataset['title'] ?? document.title, url: input.value });
        else {
          await navigator.clipboard.writeText(input.value);
          done.textContent = '链接已复制';
        }
      } catch {
        input.select();
        done.textContent = '请手动复制上面的链接';
      }
    });
  }
}

customElements.define('share-link', ShareLink);
