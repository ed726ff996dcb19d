/**
 * What the editor shows when the content check stops a save: the check's own Chinese messages,
 * one a line with the field, as `npm run check` prints them for the file.
 */
export interface ShownProblem {
  field: string;
  message: string;
}

export function problemLines(problems: readonly ShownProblem[]): string[] {
  return problems.map((p) => (p.field ? `${p.field}：${p.message}` : p.message));
}

export function refusal(problems: readonly ShownProblem[]): string {
  return `内容检查未通过，不能保存（共 ${problems.length} 处）：${problemLines(problems).join('；')}`;
}
