/**
 * The web editor's configuration (Decap CMS), generated from the zod schemas in `src/schemas/`:
 * the schemas stay the one description of every field, and a field added there appears in the
 * editor (or a test fails because it has no Chinese label). Pure: the taxonomy terms and the
 * document articles are passed in, read by `npm run edit` when it starts.
 */
import type { z } from 'astro/zod';
import { collectionNames, refTargets, type CollectionName } from '../schemas/fragments.ts';
import { collectionSpecs } from '../schemas/index.ts';
import { z as zod } from '../schemas/messages.ts';
import { enumLabel, fieldLabel, fieldHint } from './cms-labels.ts';

/** The subset of Decap's field options this project uses. */
export interface CmsField {
  name: string;
  label: string;
  widget: 'string' | 'text' | 'markdown' | 'number' | 'boolean' | 'datetime' | 'select' | 'relation' | 'list' | 'object' | 'image' | 'keyvalue';
  required?: boolean;
  hint?: string;
  multiple?: boolean;
  min?: number;
  max?: number;
  options?: { label: string; value: string }[];
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
  value_type?: 'int' | 'float';
  step?: number;
  format?: string;
  date_format?: string;
  time_format?: boolean;
  picker_utc?: boolean;
  modes?: ('raw' | 'rich_text')[];
  default?: string;
  fields?: CmsField[];
  field?: CmsField;
  collapsed?: boolean;
  summary?: string;
  choose_url?: boolean;
  media_library?: { config: { multiple: boolean } };
}

export interface CmsCollection {
  name: CollectionName;
  label: string;
  label_singular: string;
  folder: string;
  extension: 'md';
  format: typeof FORMAT_NAME;
  create: true;
  slug: string;
  summary: string;
  sortable_fields: string[];
  media_folder: string;
  public_folder: string;
  fields: CmsField[];
}

export interface CmsConfig {
  backend: RemoteBackend | { name: 'git-gateway'; branch: string };
  /** Absent when the editor talks to an intranet GitLab or Forgejo/Gitea directly. */
  local_backend?: { url: string };
  publish_mode: 'editorial_workflow';
  locale: 'zh_Hans';
  media_folder: string;
  public_folder: string;
  load_config_file: false;
  collections: CmsCollection[];
}

export interface Term {
  id: string;
  name: string;
}

/**
 * An intranet Git server the editor talks to directly (README: 成员单位通过内网 GitLab / Gitea 供稿).
 * Decap's `gitea` backend has no editorial workflow; `forgejo` (Gitea-compatible API) and `gitlab` do.
 */
export interface RemoteBackend {
  name: 'gitlab' | 'forgejo';
  repo: string;
  branch: string;
  api_root: string;
  base_url?: string;
  auth_type?: 'pkce' | 'implicit';
  app_id?: string;
}

export interface CmsInputs {
  /** Terms of each taxonomy collection, in file order. */
  terms: Partial<Record<CollectionName, readonly Term[]>>;
  /** Every document and article a reference may point at: `criminal-law`, `criminal-law#385`. */
  articles: readonly { value: string; label: string }[];
  /** Content folder relative to the repository root, e.g. `content`. */
  contentFolder: string;
  branch: string;
  /** decap-server's API, e.g. http://127.0.0.1:8081/api/v1. */
  proxyUrl: string;
  /** Set to edit an intranet repository directly instead of the local one through decap-server. */
  remote?: RemoteBackend;
}

/** The custom format registered by the editor script (src/components/editor/admin.ts). */
export const FORMAT_NAME = 'lianjian-frontmatter';

/** The Markdown body is the file's text after the frontmatter, not a schema field. */
export const BODY_FIELD = 'body';

/** What a new case starts with: the five sections the check requires, in order. */
const CASE_BODY = ['基本案情', '违纪违法事实', '处理结果', '警示启示', '整改措施'].map((h) => `## ${h}\n\n`).join('');

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string | number>;
  options?: z.ZodType[];
  format?: string;
  checks?: { _zod: { def: { check: string; value?: number; minimum?: number; maximum?: number; format?: string } } }[];
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional/default wrappers and preprocessing, reporting whether a file may omit the field. */
export function unwrap(schema: z.ZodType): { schema: z.ZodType; optional: boolean } {
  let s = schema;
  let optional = false;
  for (;;) {
    const d = defOf(s);
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'prefault') && d.innerType) {
      optional = true;
      s = d.innerType;
    } else if (d.type === 'pipe' && d.in && d.out) {
      // z.preprocess(fn, inner) puts the transform first; x.transform(fn) puts it last.
      s = defOf(d.in).type === 'transform' ? d.out : d.in;
    } else {
      return { schema: s, optional };
    }
  }
}

function bounds(s: z.ZodType): { min?: number; max?: number; int: boolean } {
  const out: { min?: number; max?: number; int: boolean } = { int: false };
  for (const c of defOf(s).checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length' || d.check === 'greater_than') out.min = d.minimum ?? d.value;
    if (d.check === 'max_length' || d.check === 'less_than') out.max = d.maximum ?? d.value;
    if (d.check === 'number_format' && d.format === 'safeint') out.int = true;
  }
  if (defOf(s).format === 'safeint') out.int = true;
  return out;
}

/** A string field long enough to be a paragraph gets a text area. */
const PARAGRAPH_MIN = 6;

interface Ctx {
  inputs: CmsInputs;
  /** Dotted path from the collection, for labels: `cases.disposition.party.sanction`. */
  path: string;
  /**
   * Inside an optional object (a case without a criminal judgment): Decap would demand its
   * required fields even when the whole object is left empty, so they are optional in the form
   * and the content check (run before every save) reports a half-filled object instead.
   */
  inOptional?: boolean;
}

function refField(base: Pick<CmsField, 'name' | 'label'>, target: CollectionName, multiple: boolean, ctx: Ctx): CmsField {
  const terms = ctx.inputs.terms[target];
  if (target === 'documents') {
    // Articles live inside documents; a select over every document and article is searchable by name.
    return { ...base, widget: 'select', multiple, options: ctx.inputs.articles.map((a) => ({ ...a })) };
  }
  if (terms) return { ...base, widget: 'select', multiple, options: terms.map((t) => ({ label: t.name, value: t.id })) };
  return { ...base, widget: 'relation', multiple, collection: target, value_field: '{{slug}}', search_fields: ['title', 'summary'], display_fields: ['title'], options_length: 50 };
}

function fieldFor(name: string, schema: z.ZodType, ctx: Ctx): CmsField {
  const { schema: s, optional } = unwrap(schema);
  const path = ctx.path ? `${ctx.path}.${name}` : name;
  const base: CmsField = { name, label: fieldLabel(path), widget: 'string' };
  const hint = fieldHint(path);
  if (hint) base.hint = hint;
  if (optional || ctx.inOptional) base.required = false;
  const isObject = defOf(s).type === 'object';
  return widgetFor(base, s, { ...ctx, path, inOptional: ctx.inOptional || (optional && isObject) });
}

function widgetFor(base: CmsField, s: z.ZodType, ctx: Ctx): CmsField {
  const d = defOf(s);
  const target = refTargets.get(s)?.collection;
  if (target) return refField(base, target, false, ctx);
  switch (d.type) {
    case 'string': {
      if (ctx.path.endsWith('.src') && ctx.path.includes('images')) return { ...base, widget: 'image', choose_url: false };
      const { min } = bounds(s);
      return { ...base, widget: (min ?? 0) >= PARAGRAPH_MIN ? 'text' : 'string' };
    }
    case 'union':
      // 条号 written as a number (385) or a string (388-1).
      return { ...base, widget: 'string' };
    case 'number': {
      const { min, max, int } = bounds(s);
      const f: CmsField = { ...base, widget: 'number', value_type: int ? 'int' : 'float' };
      if (min !== undefined) f.min = min;
      if (max !== undefined) f.max = max;
      if (!int) f.step = 0.1;
      return f;
    }
    case 'boolean':
      return { ...base, widget: 'boolean' };
    case 'date':
      return { ...base, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true };
    case 'enum':
      return { ...base, widget: 'select', options: Object.values(d.entries ?? {}).map((v) => ({ value: String(v), label: enumLabel(ctx.path, String(v)) })) };
    case 'record':
      return { ...base, widget: 'keyvalue' };
    case 'object': {
      const fields = Object.entries(d.shape ?? {}).map(([k, v]) => fieldFor(k, v, ctx));
      return { ...base, widget: 'object', fields, collapsed: false };
    }
    case 'array': {
      const element = unwrap(d.element as z.ZodType).schema;
      const ed = defOf(element);
      const { min, max } = bounds(s);
      const counts: Pick<CmsField, 'min' | 'max'> = {};
      if (min !== undefined) counts.min = min;
      if (max !== undefined) counts.max = max;
      const elementTarget = refTargets.get(element)?.collection;
      if (elementTarget) return { ...refField(base, elementTarget, true, ctx), ...counts };
      if (ed.type === 'enum') return { ...widgetFor(base, element, ctx), multiple: true, ...counts };
      if (ed.type === 'object') {
        const fields = Object.entries(ed.shape ?? {}).map(([k, v]) => fieldFor(k, v, ctx));
        return { ...base, widget: 'list', fields, collapsed: false, summary: `{{fields.${fields[0]?.name ?? ''}}}`, ...counts };
      }
      // A list of sentences or numbers: one input a line, never split at commas.
      const item = widgetFor({ name: 'item', label: base.label, widget: 'string' }, element, { ...ctx, path: `${ctx.path}[]` });
      return { ...base, widget: 'list', field: item, ...counts };
    }
    default:
      throw new Error(`cms-config：字段 ${ctx.path} 的类型 ${d.type} 还没有对应的编辑控件`);
  }
}

/** Collections edited one file per entry; term lists (taxonomies) are YAML lists Decap cannot edit as a whole. */
export const EDITED_COLLECTIONS = (Object.keys(collectionSpecs) as CollectionName[]).filter((c) => collectionSpecs[c].kind === 'entries');

/** The fields of one collection, in schema order, followed by the Markdown body. */
export function collectionFields(name: CollectionName, inputs: CmsInputs): CmsField[] {
  const schema = collectionSpecs[name].schema(() => zod.string());
  const shape = defOf(unwrap(schema).schema).shape ?? {};
  const fields = Object.entries(shape).map(([k, v]) => fieldFor(k, v, { inputs, path: name }));
  const body: CmsField = { name: BODY_FIELD, label: '正文', widget: 'markdown', modes: ['raw', 'rich_text'], hint: fieldHint(`${name}.${BODY_FIELD}`) ?? '' };
  if (name === 'cases') body.default = CASE_BODY;
  return [...fields, body];
}

/** Builds the whole configuration. */
export function cmsConfig(inputs: CmsInputs): CmsConfig {
  const folder = inputs.contentFolder.replace(/\/+$/, '');
  return {
    ...(inputs.remote ? { backend: inputs.remote } : { backend: { name: 'git-gateway', branch: inputs.branch }, local_backend: { url: inputs.proxyUrl } }),
    publish_mode: 'editorial_workflow',
    locale: 'zh_Hans',
    // Uploads go next to the entry (per collection below); this global folder is only Decap's default.
    media_folder: `${folder}/culture/images`,
    public_folder: './images',
    load_config_file: false,
    collections: EDITED_COLLECTIONS.map((name) => ({
      name,
      label: collectionNames[name],
      label_singular: collectionNames[name],
      folder: `${folder}/${collectionSpecs[name].path}`,
      extension: 'md',
      format: FORMAT_NAME,
      create: true,
      // File names become URLs and must be lowercase English; a date-time stamp is always valid, and a reviewer may rename it.
      slug: `${collectionSpecs[name].path}-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}`,
      summary: '{{title}}',
      sortable_fields: ['title', 'published'].filter((f) => f in (defOf(unwrap(collectionSpecs[name].schema(() => zod.string())).schema).shape ?? {})),
      // Images sit beside the entry (culture in its images/ folder), where the check looks for them.
      media_folder: name === 'culture' ? 'images' : '',
      public_folder: name === 'culture' ? './images' : './',
      fields: collectionFields(name, inputs),
    })),
  };
}

/** Every field path a schema defines (`disposition.party.sanction`, `quiz[].options[]` for lists), for the coverage test. */
export function schemaPaths(schema: z.ZodType, prefix = ''): string[] {
  const s = unwrap(schema).schema;
  const d = defOf(s);
  if (d.type === 'object') {
    return Object.entries(d.shape ?? {}).flatMap(([k, v]) => {
      const p = prefix ? `${prefix}.${k}` : k;
      return [p, ...schemaPaths(v, p)];
    });
  }
  if (d.type === 'array' && d.element) {
    const e = unwrap(d.element).schema;
    return defOf(e).type === 'object' ? schemaPaths(e, `${prefix}[]`) : [];
  }
  return [];
}

/** Every field path the editor's widgets write, in the same notation as `schemaPaths`. */
export function widgetPaths(fields: readonly CmsField[], prefix = ''): string[] {
  return fields.flatMap((f) => {
    const p = prefix ? `${prefix}.${f.name}` : f.name;
    const inner = f.widget === 'list' && f.fields ? widgetPaths(f.fields, `${p}[]`) : f.widget === 'object' && f.fields ? widgetPaths(f.fields, p) : [];
    return [p, ...inner];
  });
}
