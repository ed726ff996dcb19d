import { describe, expect, it } from 'vitest';
import { scoreQuiz } from '../../src/components/quiz/quiz-score.ts';

const questions = [{ answer: [1] }, { answer: [0, 2] }, { answer: [3] }];

describe('quiz scoring', () => {
  it('counts right answers', () => {
    expect(scoreQuiz(questions, [[1], [2, 0], [3]])).toEqual({ correct: [true, true, true], score: 3, total: 3, unanswered: [] });
  });

  it('a multiple-choice answer must be exactly right: not a subset, not a superset', () => {
    expect(scoreQuiz(questions, [[1], [0], [3]]).correct).toEqual([true, false, true]);
    expect(scoreQuiz(questions, [[1], [0, 1, 2], [3]]).correct).toEqual([true, false, true]);
  });

  it('reports unanswered questions', () => {
    expect(scoreQuiz(questions, [[], [0, 2]])).toEqual({ correct: [false, true, false], score: 1, total: 3, unanswered: [0, 2] });
  });
});
