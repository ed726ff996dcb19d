/**
 * 成员单位: how a unit's contributions are named and counted on its page and in the member list.
 * The lists themselves are built once in the site model (`contributionsOf`).
 */
export const CONTRIBUTION_KINDS = [
  { key: 'cases', label: '警示案例', measure: '个' },
  { key: 'courses', label: '培训模块', measure: '个' },
  { key: 'culture', label: '廉洁文化', measure: '篇' },
  { key: 'documents', label: '制度文件', measure: '件' },
  { key: 'indicators', label: '预警指标', measure: '个' },
  { key: 'selfChecks', label: '岗位风险自查清单', measure: '份' },
] as const;

export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number]['key'];
export type Contributions = Record<ContributionKind, readonly unknown[]>;

/** “警示案例 12 个、培训模块 2 个”; kinds with nothing are left out. */
export function contributionSummary(c: Contributions): string {
  const parts = CONTRIBUTION_KINDS.flatMap((k) => (c[k.key].length > 0 ? [`${k.label} ${c[k.key].length} ${k.measure}`] : []));
  return parts.length > 0 ? parts.join('、') : '本版本中暂无该单位供稿的内容';
}
