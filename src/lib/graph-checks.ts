/**
 * Links between entries that must form a chain or a tree, not a loop: versions of a rule
 * (`supersedes`, one direct successor each) and module prerequisites. A loop would make a page
 * state the wrong 现行版本 or send a learner round in circles, so each is reported on every file
 * taking part, with the loop spelt out.
 */
import { contentErrors, type ContentProblem } from './content-errors.ts';
import type { ValidatableEntry } from './validate.ts';

type Edges = Map<string, string[]>;

/** Every elementary loop found by a depth-first walk, each once, as a list of ids. */
function loops(edges: Edges): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      if (next === id) continue; // self-links are reported on their own
      const s = state.get(next);
      if (s === 'open') found.push(stack.slice(stack.indexOf(next)));
      else if (s === undefined && edges.has(next)) visit(next);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of [...edges.keys()].sort()) if (!state.has(id)) visit(id);
  return found;
}

export function checkGraphs(entries: readonly ValidatableEntry[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const fileOf = new Map(entries.map((e) => [`${e.collection}:${e.id}`, e.file]));

  const docs = entries.filter((e) => e.collection === 'documents');
  const supersedes: Edges = new Map();
  const successors = new Map<string, string[]>();
  for (const d of docs) {
    const old = d.data['supersedes'];
    if (typeof old !== 'string') continue;
    supersedes.set(d.id, [old]);
    if (old === d.id) problems.push({ file: d.file, field: 'supersedes', code: 'selfReference', message: contentErrors.selfReference.message('supersedes') });
    else successors.set(old, [...(successors.get(old) ?? []), d.id]);
  }
  for (const [old, list] of successors) {
    if (list.length < 2) continue;
    for (const id of list) {
      problems.push({ file: fileOf.get(`documents:${id}`) ?? id, field: 'supersedes', code: 'twoSuccessors', message: contentErrors.twoSuccessors.message(old, list) });
    }
  }
  for (const loop of loops(supersedes)) {
    const chain = [...loop, loop[0]].join(' → ');
    for (const id of loop) problems.push({ file: fileOf.get(`documents:${id}`) ?? id, field: 'supersedes', code: 'versionCycle', message: contentErrors.versionCycle.message(chain) });
  }

  const prerequisites: Edges = new Map();
  for (const c of entries.filter((e) => e.collection === 'courses')) {
    const list = Array.isArray(c.data['prerequisites']) ? (c.data['prerequisites'] as unknown[]).filter((p): p is string => typeof p === 'string') : [];
    prerequisites.set(c.id, list);
    list.forEach((p, i) => {
      if (p === c.id) problems.push({ file: c.file, field: `prerequisites[${i}]`, code: 'selfReference', message: contentErrors.selfReference.message('先修模块') });
    });
  }
  for (const loop of loops(prerequisites)) {
    const chain = [...loop, loop[0]].join(' → ');
    for (const id of loop) problems.push({ file: fileOf.get(`courses:${id}`) ?? id, field: 'prerequisites', code: 'prerequisiteCycle', message: contentErrors.prerequisiteCycle.message(chain) });
  }

  const units = new Map(entries.filter((e) => e.collection === 'units').map((e) => [e.id, e]));
  const parents: Edges = new Map();
  for (const u of units.values()) {
    const parent = u.data['parent'];
    if (typeof parent !== 'string') continue;
    parents.set(u.id, [parent]);
    if (parent === u.id) problems.push({ file: u.file, field: `${u.fieldPrefix ?? ''}.parent`, code: 'selfReference', message: contentErrors.selfReference.message('上级单位') });
  }
  for (const loop of loops(parents)) {
    const chain = [...loop, loop[0]].join(' → ');
    for (const id of loop) {
      const u = units.get(id);
      problems.push({ file: u?.file ?? id, field: `${u?.fieldPrefix ?? ''}.parent`, code: 'unitParentCycle', message: contentErrors.unitParentCycle.message(chain) });
    }
  }
  return problems;
}
