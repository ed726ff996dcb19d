/**
 * What the course builder knows about modules and cases: the JSON written at build time to
 * /builder/catalog.json and read by the builder and the study record. Only modules and the cases
 * they use are listed, so its size follows the number of modules, not of cases; any other case is
 * found through search and read from its own page.
 */
export interface CatalogQuiz {
  question: string;
  type: 'single' | 'multiple';
  options: string[];
  answer: number[];
  explanation: string;
}

export interface CatalogModule {
  id: string;
  title: string;
  summary: string;
  audiences: string[];
  minutes: number;
  hours: number;
  outcomes: string[];
  schedule: { segment: string; minutes: number; activity: string }[];
  readings: string[];
  questions: string[];
  quiz: CatalogQuiz[];
  cases: string[];
}

export interface CatalogCase {
  id: string;
  title: string;
  summary: string;
  questions: string[];
}

export interface Catalog {
  audiences: { id: string; name: string }[];
  modules: CatalogModule[];
  cases: CatalogCase[];
}
