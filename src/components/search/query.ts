/**
 * What a person typed, turned into what the index can answer. People ask 「收受购物卡怎么处理」 or
 * 「工程建设 警示案例」; Pagefind requires every word on the page, so question words and filler
 * empty the results, and 案例 is never written on a case page. Here filler is dropped, kind words
 * become the kind filter, quoted phrases are kept whole and the rest is split into words, so the
 * page can search strictly first and relax to fewer words when that finds too little.
 * Pure, so the page script and the tests share it.
 */

/** Words that carry the question, not the subject. Matched as whole words after segmentation. */
const FILLER = new Set([
  '的', '了', '吗', '呢', '吧', '啊', '呀', '么', '和', '与', '及', '或', '或者', '跟', '在', '是', '有', '被', '把', '对', '给', '让', '会', '能', '要', '都', '也', '就', '还', '又',
  '怎么', '怎样', '怎么样', '如何', '什么', '哪些', '哪个', '哪里', '为什么', '为何', '是否', '是不是', '有没有', '多少', '多少钱', '几年', '多久', '多长时间', '怎么办', '咋办', '咋',
  '请问', '我想', '想', '想要', '想知道', '了解', '知道', '查', '查询', '查找', '查一下', '找', '找找', '搜', '搜索', '看', '看看', '一下', '帮', '帮我', '我', '我们', '你', '你们',
  '关于', '相关', '有关', '方面', '一些', '资料', '内容', '信息', '介绍', '讲讲', '说说', '举例', '例子', '举个',
  '判', '判几年', '会判', '判多久', '坐牢', '算不算', '算', '属于', '可以', '应该', '需要', '必须', '不能', '能不能', '可不可以', '行不行',
  '所有', '全部', '一般', '常见', '典型', '具体', '主要', '最新', '近年', '近几年',
  // The reader's frame, not the subject: 「小金库怎么处理」「行贿判刑吗」「医疗领域 案例」「警示教育大会 材料」「讲课用的典故」.
  '处理', '怎么处理', '如何处理', '判刑', '也要', '干什么', '做什么', '是什么', '领域', '系统', '行业', '材料', '素材', '用', '用的',
  // Asking what a word means or how two differ (「留置是什么意思」「贪污罪和受贿罪的区别」): the pages name the subjects, rarely the frame.
  '意思', '什么意思', '含义', '区别', '有什么区别', '有何区别', '有哪些', '有什么',
])

/**
 * Kind words: the kind a person asks for, as the index's `kind` filter value. A case page never
 * says 案例, so 「国企 警示案例」 must become 国企 within cases, not a search for the word 案例.
 */
const KIND_WORDS: Record<string, string> = {
  案例: '案例', 警示案例: '案例', 典型案例: '案例', 案件: '案例', 案子: '案例', 警示教育案例: '案例', 反面典型: '案例',
  条款: '制度', 法条: '制度', 条文: '制度', 法规: '制度', 党规: '制度', 制度: '制度', 制度文件: '制度', 规章制度: '制度', 文件: '制度', 法律: '制度', 法律条文: '制度',
  课: '模块', 讲座: '模块', 培训班: '模块', 培训师: '模块', 案例分析: '案例', 案例剖析: '案例',
  课程: '模块', 培训: '模块', 培训课程: '模块', 课件: '模块', 模块: '模块', 培训模块: '模块', 讲课: '模块', 教材: '模块', 微课: '模块', 测验: '模块', 考题: '模块',
  故事: '文化', 廉洁故事: '文化', 文化: '文化', 廉洁文化: '文化', 典故: '文化', 历史典故: '文化', 格言: '文化', 名言: '文化', 家风: '文化', 家训: '文化', 书画: '文化',
  // Not 预警 alone: 「大数据预警 发现」 asks for cases found by a warning, not for the warning indicators.
  指标: '指标', 预警指标: '指标',
  自查: '自查', 自查清单: '自查', 自查表: '自查', 风险自查: '自查', 岗位风险自查: '自查',
  风险点: '风险点', 廉政风险点: '风险点',
};

/**
 * Kind words that also name a sort of culture item, which its page shows as a label (廉洁格言,
 * 历史典故, 家风家教 …): the kind filter alone would leave 「廉洁名言」 ranking every culture page
 * that says 廉洁; the hint lets the sayings come first (rank.ts).
 */
const HINTS: Record<string, string> = {
  格言: '格言', 名言: '格言', 廉洁格言: '格言', 典故: '典故', 历史典故: '典故', 家风: '家风', 家训: '家风', 家教: '家风', 书画: '书画', 故事: '故事', 廉洁故事: '故事',
};

/**
 * Section words: the name of a section every page of some kinds carries (every case and every course
 * ends with 讨论题; every case has 以案四说 and 分层警示). The name says which kinds are meant, not
 * what they are about, and section headings are not indexed: 「诫勉 案例 讨论题」 asks for cases on
 * 诫勉 (their discussion questions come with them), 「以案四说」 alone for the cases themselves.
 */
const SECTION_WORDS: Record<string, readonly string[]> = {
  讨论题: ['案例', '模块'], 思考题: ['案例', '模块'], 以案四说: ['案例'], 分层警示: ['案例'], 分层分类警示: ['案例'],
};
const SECTIONS_LONGEST_FIRST = Object.keys(SECTION_WORDS).sort((a, b) => b.length - a.length);

/** Terms that begin with a kind word but name a subject: 「案例复盘会怎么组织」 asks for the course on it. */
const NOT_KIND = ['案例复盘会', '案例复盘'];

export interface UnderstoodQuery {
  /** The words to search for, in the order typed; a quoted phrase is one word. */
  terms: string[];
  /**
   * What to relax to when no page holds every term: per term, the term and then its own words where
   * the segmenter knows them (古代清官 → 古代, 清官), so 「古代清官故事」 or 「学校乱收费」 still finds pages.
   */
  words: string[][];
  /** Phrases the reader put in quotes: results must contain them as written. */
  phrases: string[];
  /** The kind filter the query asked for (案例, 制度 …), if it named one. */
  kind?: string;
  /** The kinds a section word implies (讨论题 → cases and courses), when no kind word was typed. */
  kinds?: string[];
  /** Words left out of the search, so the page can say so. */
  dropped: string[];
  /** Labels of the sort of item asked for (格言, 典故 …): pages showing one rank first (rank.ts). */
  hints: string[];
}

const QUOTED = /["“”「」『』]([^"“”「」『』]+)["“”「」『』]/g;
const PUNCT = /[\s,.;:!?，。、；：！？（）()《》〈〉【】[\]{}<>·…—\-_/\\|~`'‘’"“”「」『』]+/u;

type Segment = (text: string) => string[];

/** Words by the browser's (and Node's) ICU segmenter; falls back to the whole run where it is missing. */
export const icuSegment: Segment = (() => {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (!Segmenter) return (text: string) => [text];
  const seg = new Segmenter('zh-CN', { granularity: 'word' });
  return (text: string) => [...seg.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
})();

const KINDS_LONGEST_FIRST = Object.keys(KIND_WORDS).sort((a, b) => b.length - a.length);

/** A kind word at the start or end of a run (「国企警示案例」, 「案例 村级财务」), and what is left. */
function splitKind(chunk: string, atStart: boolean): { kindWord?: string; rest: string } {
  if (NOT_KIND.some((t) => chunk.startsWith(t))) return { rest: chunk };
  for (const k of KINDS_LONGEST_FIRST) {
    // A one-character kind word (课) only as a whole run: at an edge it is part of 课前, 课后.
    if (k.length === 1) continue;
    if (chunk.length > k.length && chunk.endsWith(k)) return { kindWord: k, rest: chunk.slice(0, -k.length) };
    if (atStart && chunk.length > k.length && chunk.startsWith(k)) return { kindWord: k, rest: chunk.slice(k.length) };
  }
  return { rest: chunk };
}

/**
 * Filler is recognised inside a run of Chinese by the segmenter; a kind word only as a whole run or
 * at its start or end, because inside a run it is usually part of a term (招标文件量身定制). A run
 * with nothing to drop is searched as typed: 村级财务 stays one word for the strict search.
 */
export function understandQuery(raw: string, segment: Segment = icuSegment): UnderstoodQuery {
  const text = raw.normalize('NFKC').trim();
  const phrases: string[] = [];
  const rest = text.replace(QUOTED, (_, p: string) => {
    const phrase = p.trim();
    if (phrase) phrases.push(phrase);
    return ' ';
  });
  const terms: string[] = [...phrases];
  const dropped: string[] = [];
  const kindWords: string[] = [];
  const keep = (word: string) => {
    if (word && !terms.includes(word)) terms.push(word);
  };
  const pieces: string[] = [];
  const content = (chunk: string) => {
    const words = segment(chunk);
    // A one-character filler word (有, 的, 查) is part of a word the segmenter did not know when it
    // ends the run after a lone character (排|查), or stands before a last lone character (七个|有|之).
    // A verb with 了 (收了, 扣了) is never the subject.
    const n = words.length;
    const isFiller = (w: string, i: number): boolean => {
      if (w.length === 2 && w.endsWith('了')) return true;
      if (!FILLER.has(w)) return false;
      if (w.length > 1) return true;
      if (i === n - 1 && (words[i - 1] ?? '').length === 1 && !FILLER.has(words[i - 1] ?? '')) return false;
      // 「讲课用的」: a last lone character that is filler itself (的) glues nothing to its neighbour.
      return !(i === n - 2 && (words[n - 1] ?? '').length === 1 && !FILLER.has(words[n - 1] ?? ''));
    };
    if (words.length <= 1 || !words.some(isFiller)) return keep(chunk);
    // Neighbouring content words stay together as typed (村 + 级 + 财务 → 村级财务); filler splits them.
    let run = '';
    const end = () => {
      // 「怎么查案例」: a kind word left whole once filler is gone is a kind word.
      if (KIND_WORDS[run]) kindWords.push(run);
      else if (run) pieces.push(run);
      run = '';
    };
    words.forEach((w, i) => {
      if (isFiller(w, i)) {
        end();
        dropped.push(w);
      } else run += w;
    });
    end();
  };
  // Section words are cut off a run's end (村级财务讨论题) before kind words, which they may follow (案例讨论题).
  const sections: string[] = [];
  const chunks = rest
    .split(PUNCT)
    .filter(Boolean)
    .map((chunk) => {
      const word = SECTIONS_LONGEST_FIRST.find((w) => chunk.endsWith(w));
      if (!word) return chunk;
      sections.push(word);
      return chunk.slice(0, -word.length);
    })
    .filter(Boolean);
  // 「家风教育 课」「廉政风险点排查 课程」: when the kind is named at the end, a kind word that
  // starts another run is part of its subject.
  const kindAtEnd = chunks.some((c) => KIND_WORDS[c] || KINDS_LONGEST_FIRST.some((k) => k.length > 1 && c.length > k.length && c.endsWith(k)));
  for (const chunk of chunks) {
    if (FILLER.has(chunk)) {
      dropped.push(chunk);
      continue;
    }
    const whole = KIND_WORDS[chunk];
    const { kindWord, rest: remainder } = whole ? { kindWord: chunk, rest: '' } : splitKind(chunk, !kindAtEnd);
    if (kindWord) kindWords.push(kindWord);
    if (remainder) {
      content(remainder);
      for (const w of pieces) keep(w);
      pieces.length = 0;
    }
  }
  // 「的」 left at the edge of a run once a kind word is cut off (村级财务的 | 案例).
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as string;
    const trimmed = t.replace(/^(?:关于|有关)|(?:的|类|方面|相关)$/u, '');
    if (trimmed !== t && trimmed) terms[i] = trimmed;
  }
  const kinds = new Set(kindWords.map((w) => KIND_WORDS[w]));
  const hints = [...new Set(kindWords.flatMap((w) => (HINTS[w] ? [HINTS[w]] : [])))];
  let kind: string | undefined;
  if (kinds.size > 1) {
    // Two kinds named (「培训师怎么讲案例」「讲课用的历史典故」): no one kind is meant, and the words
    // may well be the subject (trainers' course titles begin 培训师：), so they are searched for.
    for (const w of kindWords) keep(w);
  } else {
    kind = [...kinds][0];
    dropped.push(...kindWords);
  }
  if (terms.length === 0 && kind && hints.length > 0) {
    // 「历史典故」「名言」: the label is on the pages of that sort, so it is searched for within the kind.
    for (const w of kindWords) keep(w);
    dropped.length = 0;
  }
  // The kinds every section word named is found on; a named kind they are not found on leaves them unused.
  const sectionKinds = sections.length === 0 ? [] : (SECTION_WORDS[sections[0] as string] ?? []).filter((k) => sections.every((w) => SECTION_WORDS[w]?.includes(k)));
  const within = sectionKinds.filter((k) => !kind || k === kind);
  if (within.length > 0) {
    dropped.push(...sections);
    // 「以案四说」「分层分类警示」 alone: every page of those kinds, each carries the section.
    if (terms.length === 0) return { terms: [], words: [], phrases, ...(kind ? { kind } : { kinds: within }), dropped, hints: [] };
  } else for (const w of sections) keep(w);
  // A question about a kind and nothing else (「预警指标有哪些」) lists that kind.
  if (terms.length === 0 && kind && dropped.some((w) => FILLER.has(w))) return { terms: [], words: [], phrases, kind, dropped, hints: [] };
  // A query of nothing but kind or filler words (「案例」) still searches for what was typed.
  if (terms.length === 0) {
    const all = dropped.length > 0 ? [text.replace(/["“”「」『』]/g, '')] : [];
    return { terms: all, words: all.map((t) => [t]), phrases, dropped: [], hints: [] };
  }
  const words = terms.map((t) => (phrases.includes(t) ? [t] : [...new Set([t, ...segment(t).filter((w) => w.length > 1 && !FILLER.has(w))])]));
  return { terms, words, phrases, ...(kind ? { kind } : within.length > 0 ? { kinds: within } : {}), dropped, hints };
}

export const isSectionWord = (w: string) => w in SECTION_WORDS;

const KIND_NAMES: Record<string, string> = { 案例: '案例', 模块: '培训模块' };

/** Why only some kinds are shown for a query with a section word and no kind word (empty otherwise). */
export function sectionNote(q: Pick<UnderstoodQuery, 'kind' | 'kinds' | 'dropped'>): string {
  const words = q.dropped.filter(isSectionWord);
  if (q.kind || !q.kinds || words.length === 0) return '';
  const kinds = q.kinds.map((k) => KIND_NAMES[k] ?? k);
  return `每个${kinds.join('和')}都有“${words.join('”“')}”栏目，以下只显示${kinds.join('和')}。`;
}

/** The kind filter values a query asks for: its kind word's, or those its section words imply. */
export const kindsOf = (q: Pick<UnderstoodQuery, 'kind' | 'kinds'>): string[] | undefined => (q.kind ? [q.kind] : q.kinds);

/** The query string Pagefind receives: the words, space-separated (Pagefind ANDs them). */
export const strictQuery = (q: UnderstoodQuery) => q.terms.join(' ');

export interface Scored<T> {
  item: T;
  /** How many of the query's words the item matched. */
  matched: number;
  score: number;
}


type Hits<T> = readonly { id: string; score: number; item: T }[];

/**
 * The relaxed search: per term, the results for the term and for each of its own words. A page
 * holding a term counts 1 for it, a page holding only some of its words ½, so the page with 存折
 * ranks above pages that merely hold 干部 and 拿走 from 「存折被村干部拿走」.
 */
export function mergeRelaxed<T>(perTerm: readonly (readonly Hits<T>[])[]): Scored<T>[] {
  const byId = new Map<string, Scored<T>>();
  perTerm.forEach((lists) => {
    const credit = new Map<string, number>();
    lists.forEach((hits, i) => {
      for (const h of hits) {
        credit.set(h.id, Math.max(credit.get(h.id) ?? 0, i === 0 ? 1 : 0.5));
        const seen = byId.get(h.id);
        if (seen) seen.score = Math.max(seen.score, h.score);
        else byId.set(h.id, { item: h.item, matched: 0, score: h.score });
      }
    });
    for (const [id, c] of credit) (byId.get(id) as Scored<T>).matched += c;
  });
  return [...byId.values()].sort((a, b) => b.matched - a.matched || b.score - a.score);
}

const CJK = /[\u3400-\u9fff]/;

/** Whether the query has Chinese characters worth converting from traditional to simplified. */
export const hasChinese = (s: string) => CJK.test(s);

/**
 * 「您是不是要找」: the known terms (titles' words, keywords, taxonomy names) that share the most
 * characters with what was typed, for a query that found nothing or only partial matches.
 */
export function suggestions(query: string, vocabulary: readonly string[], limit = 5): string[] {
  const chars = new Set([...query.normalize('NFKC')].filter((c) => CJK.test(c)));
  if (chars.size === 0) return [];
  const scored: { term: string; score: number }[] = [];
  for (const term of vocabulary) {
    if (term === query) continue;
    let shared = 0;
    for (const c of new Set(term)) if (chars.has(c)) shared++;
    // Two shared characters at least, and most of the shorter side: 贪腐 → 贪污 is too loose on one.
    if (shared >= 2 && shared / Math.min(chars.size, new Set(term).size) >= 0.5) scored.push({ term, score: shared * 10 - Math.abs(term.length - chars.size) });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.term.length - b.term.length)
    .slice(0, limit)
    .map((s) => s.term);
}

/**
 * The segmenter knows few of this field's words (低保, 家风, 廉政 come out as single characters), so a
 * term is also split by the site's own vocabulary (keywords, taxonomy names, kind words) before the
 * search is relaxed: 「村里低保不公平」 then finds the pages on 低保.
 */
export function withKnownWords(query: UnderstoodQuery, vocabulary: readonly string[]): UnderstoodQuery {
  const known = [...new Set([...vocabulary, ...Object.keys(KIND_WORDS), ...Object.keys(HINTS)])].filter((w) => w.length > 1 && !FILLER.has(w));
  const words = query.words.map((ws, i) => {
    const term = query.terms[i] ?? ws[0] ?? '';
    if (query.phrases.includes(term)) return ws;
    const inside = known.filter((w) => w.length < term.length && term.includes(w));
    return [...new Set([...ws, ...inside])];
  });
  return { ...query, words };
}
