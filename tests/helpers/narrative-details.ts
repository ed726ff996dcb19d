/** Words each told only in one sample case's 违纪违法事实, nowhere in its title, summary, keywords or facets: [word, case, the phrase that tells it]. */
export const NARRATIVE_ONLY: readonly (readonly [string, string, string])[] = [
  ['脚手架', '/cases/housing-deputy-labour-subcontract-referral/', '脚手架隐患'],
  ['病虫害', '/cases/fake-training-reimbursement/', '病虫害防治培训'],
  ['垃圾桶', '/cases/cashier-online-banking/', '垃圾桶更换费'],
];
