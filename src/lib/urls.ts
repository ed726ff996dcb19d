/** Every URL the site links to is built here, so a page and the links to it never disagree. */
import { ARTICLE_REF_PATTERN } from '../schemas/fragments.ts';
import { articleAnchor } from './cn-numerals.ts';

export const urls = {
  home: () => '/',
  cases: () => '/cases/',
  case: (id: string) => `/cases/${id}/`,
  caseFacet: (facet: string, value: string) => `/cases/${facet}/${value}/`,
  courses: () => '/courses/',
  course: (id: string) => `/courses/${id}/`,
  culture: () => '/culture/',
  cultureItem: (id: string) => `/culture/${id}/`,
  documents: () => '/documents/',
  documentReview: () => '/documents/review/',
  document: (id: string) => `/documents/${id}/`,
  article: (documentId: string, n: string) => `/documents/${documentId}/#${articleAnchor(n)}`,
  /** Every case citing one article, paginated: /documents/criminal-law/article-385/. */
  articleCases: (documentId: string, n: string) => `/documents/${documentId}/${articleAnchor(n)}/`,
  risks: () => '/risks/',
  riskPoint: (id: string) => `/risks/${id}/`,
  riskMapAll: () => '/risks/all/',
  tracks: () => '/tracks/',
  builder: () => '/builder/',
  study: () => '/study/',
  studyAdd: (kind: 'case' | 'module', id: string) => `/study/?add=${kind}:${id}`,
  track: (audience: string) => `/tracks/${audience}/`,
  search: () => '/search/',
  textSize: () => '/text-size/',
  indicators: () => '/indicators/',
  indicator: (id: string) => `/indicators/${id}/`,
  selfChecks: () => '/self-check/',
  selfCheck: (id: string) => `/self-check/${id}/`,
  network: () => '/network/',
  networkSites: () => '/network/sites/',
  posts: () => '/posts/',
  post: (id: string) => `/posts/${id}/`,
  units: () => '/units/',
  unit: (id: string) => `/units/${id}/`,
};

/** `criminal-law#385` → its document id and article number. */
export function parseArticleRef(ref: string): { documentId: string; article?: string } {
  const m = ARTICLE_REF_PATTERN.exec(ref);
  if (!m) throw new Error(`无效的条款引用：${ref}`);
  return m[2] ? { documentId: m[1] as string, article: m[2] } : { documentId: m[1] as string };
}

export function articleRefUrl(ref: string): string {
  const { documentId, article } = parseArticleRef(ref);
  return article ? urls.article(documentId, article) : urls.document(documentId);
}
