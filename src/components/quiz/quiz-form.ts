/**
 * <quiz-form>: scores a module's quiz in the browser and explains each answer. The questions are
 * ordinary radio buttons and checkboxes, so the whole quiz works by keyboard; the answers come
 * from each question's data-answer attribute.
 */
import { scoreQuiz } from './quiz-score.ts';
import { parseRecord, recordQuiz, STUDY_KEY, today } from '../study/study-record.ts';

/** Keeps the result in the learner's own study record (localStorage only); false if the browser refuses. */
function saveScore(el: HTMLElement, score: number, total: number): boolean {
  const id = el.dataset['module'];
  if (!id) return false;
  try {
    const { record } = parseRecord(localStorage.getItem(STUDY_KEY));
    const next = recordQuiz(record, { id, title: el.dataset['title'] ?? id, hours: Number(el.dataset['hours']) || 0 }, { score, total, at: today() });
    localStorage.setItem(STUDY_KEY, JSON.stringify(next));
    return true;
  } catch {
    return false;
  }
}

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
      const saved = saveScore(this, scored.score, scored.total);
      result.textContent = `得分：${scored.score} / ${scored.total}${scored.unanswered.length ? `（${scored.unanswered.length} 题未作答）` : ''}。每题下方已展开答案与解析。${saved ? '成绩已记入本机的学习记录。' : ''}`;
      if (saved) result.append(' ', Object.assign(document.createElement('a'), { href: '/study/', textContent: '查看学习记录' }));
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
