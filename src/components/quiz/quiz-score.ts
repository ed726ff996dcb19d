/** Scoring a module quiz in the browser: a multiple-choice answer counts only when exactly right. */
export interface ScoredQuestion {
  answer: readonly number[];
}

export interface QuizResult {
  correct: boolean[];
  score: number;
  total: number;
  /** Questions left unanswered, by index, so the learner can be pointed to them. */
  unanswered: number[];
}

export function scoreQuiz(questions: readonly ScoredQuestion[], responses: readonly (readonly number[])[]): QuizResult {
  const correct = questions.map((q, i) => {
    const given = new Set(responses[i] ?? []);
    return given.size === q.answer.length && q.answer.every((a) => given.has(a));
  });
  return {
    correct,
    score: correct.filter(Boolean).length,
    total: questions.length,
    unanswered: questions.flatMap((_, i) => ((responses[i] ?? []).length === 0 ? [i] : [])),
  };
}
