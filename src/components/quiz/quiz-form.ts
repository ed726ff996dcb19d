/**
 * <quiz-form>: scores a module's quiz in the browser and explains each answer. The questions are
 * ordinary radio buttons and checkboxes, so the whole quiz works by keyboard; the answers come
 * from each question's data-answer attribute.
 */
import { scoreQuiz } from './quiz-score.ts';

class QuizForm extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    const result = this.querySelector<HTMLElement>('[data-result]');
    if (!form || !result) return;
    const questions = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-answer]')];
    for (const b of form.querySelectorAll<HTMLElement>('[data-js-only]')) b.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const responses = questions.map((fs) => [...fs.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => Number(i.value)));
      const scored = scoreQuiz(questions.map((fs) => ({ answer: (fs.dataset['answer'] ?? '').split(',').map(Number) })), responses);
      questions.forEach((fs, i) => {
        const ok = scored.correct[i] === true;
        fs.dataset['state'] = ok ? 'correct' : 'wrong';
        const verdict = fs.querySelector<HTMLElement>('[data-verdict]');
        if (verdict) verdict.textContent = ok ? '回答正确。' : scored.unanswered.includes(i) ? '未作答。' : '回答有误。';
        const details = fs.querySelector('details');
        if (details) details.open = true;
      });
      result.textContent = `得分：${scored.score} / ${scored.total}${scored.unanswered.length ? `（${scored.unanswered.length} 题未作答）` : ''}。每题下方已展开答案与解析。`;
      result.focus();
    });
    form.addEventListener('reset', () => {
      for (const fs of questions) {
        delete fs.dataset['state'];
        const verdict = fs.querySelector<HTMLElement>('[data-verdict]');
        if (verdict) verdict.textContent = '';
        const details = fs.querySelector('details');
        if (details) details.open = false;
      }
      result.textContent = '';
    });
  }
}

customElements.define('quiz-form', QuizForm);
