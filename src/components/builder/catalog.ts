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

/**
 * What the downloadable courseware needs beyond the catalog: /builder/courseware.json, written at
 * build time and fetched only when a trainer asks for slides or a handout, so the builder itself
 * stays light. Case text is plain (no Markdown), one string per paragraph.
 */
export interface CoursewareExercise {
  title: string;
  description: string;
  minutes: number;
  timing: 'before-class' | 'in-class';
}

export interface CoursewareCase {
  id: string;
  title: string;
  /** 基本案情 */
  background: string[];
  /** 违纪违法事实 */
  facts: string[];
  /** 处理结果, as told in the case */
  outcome: string[];
  /** The article chain: “党纪处分：开除党籍；依据：《…》第…条” per step. */
  chain: string[];
  /** 警示启示 */
  lessons: string[];
  questions: string[];
}

export interface CoursewareData {
  modules: { id: string; exercises: CoursewareExercise[] }[];
  cases: CoursewareCase[];
}
