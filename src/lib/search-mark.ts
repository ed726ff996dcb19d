/**
 * Opens the synonyms added to a record. The search page cuts its excerpts here, so a result never
 * shows a list of added words as if the page said them. A module of its own, without imports: the
 * search page's script takes it from here, and through search-index.ts it would bundle the
 * schemas and zod (about 23 KB, and zod's `Function('')` probe breaks the CSP on every search).
 */
export const SYNONYM_MARK = '〔同义〕';
