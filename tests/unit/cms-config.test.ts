/**
 * The web editor's form is generated from the schemas: every field an editor may write has a
 * widget with a Chinese label, no widget writes a field the schema would reject, and the choices
 * an editor picks from are the taxonomy terms and document articles by their Chinese names.
 */
import { describe, expect, it } from 'vitest';
import { BODY_FIELD, cmsConfig, EDITED_COLLECTIONS, schemaPaths, widgetPaths, type CmsField } from '../../src/lib/cms-config.ts';
import { editorInputs, remoteBackend } from '../../src/lib/editor-check.ts';
import { collectionSpecs } from '../../src/schemas/index.ts';
import { z } from '../../src/schemas/messages.ts';

const inputs = { ...editorInputs('content'), contentFolder: 'content', branch: 'main', proxyUrl: 'http://127.0.0.1:8081/api/v1' };
const config = cmsConfig(inputs);
const collection = (name: string) => {
  const c = config.collections.find((x) => x.name === name);
  if (!c) throw new Error(`no collection ${name}`);
  return c;
};
function field(fields: readonly CmsField[], path: string): CmsField {
  const [head, ...rest] = path.split('.');
  const f = fields.find((x) => x.name === head);
  if (!f) throw new Error(`no field ${path}`);
  return rest.length === 0 ? f : field(f.fields ?? [], rest.join('.'));
}
const CJK = /[\u4e00-\u9fff]/;

describe('one source of truth: the schemas', () => {
  it('offers every collection of single-file entries', () => {
    expect(config.collections.map((c) => c.name)).toEqual(EDITED_COLLECTIONS);
    expect(EDITED_COLLECTIONS).toEqual(expect.arrayContaining(['cases', 'courses', 'culture', 'documents', 'indicators', 'selfChecks']));
  });

  for (const name of EDITED_COLLECTIONS) {
    it(`${name}: every schema field has a widget and every widget a schema field`, () => {
      const schema = collectionSpecs[name].schema(() => z.string());
      const fromSchema = schemaPaths(schema).sort();
      const fromWidgets = widgetPaths(collection(name).fields)
        .filter((p) => p !== BODY_FIELD)
        .sort();
      expect(fromWidgets).toEqual(fromSchema);
    });

    it(`${name}: every field is labelled in Chinese`, () => {
      const unlabelled: string[] = [];
      const walk = (fields: readonly CmsField[], at: string) => {
        for (const f of fields) {
          if (!CJK.test(f.label)) unlabelled.push(`${at}.${f.name}`);
          walk(f.fields ?? [], `${at}.${f.name}`);
          if (f.field) walk([f.field], `${at}.${f.name}`);
        }
      };
      walk(collection(name).fields, name);
      expect(unlabelled).toEqual([]);
    });
  }

  it('a field added to a schema appears in the form without touching the generator', () => {
    const shape = schemaPaths(z.strictObject({ title: z.string(), extra: z.strictObject({ a: z.number() }).optional() }));
    expect(shape).toEqual(['title', 'extra', 'extra.a']);
  });
});

describe('what an editor picks from', () => {
  const cases = collection('cases').fields;

  it('the sector is chosen by its Chinese name and stored as its id', () => {
    const sector = field(cases, 'sector');
    expect(sector.widget).toBe('select');
    expect(sector.options).toContainEqual({ label: '工程建设', value: 'engineering' });
  });

  it('risk points and violation types are multiple choices of the taxonomy', () => {
    expect(field(cases, 'riskPoints')).toMatchObject({ widget: 'select', multiple: true, min: 1 });
    expect(field(cases, 'riskPoints').options).toContainEqual({ label: '招标文件量身定制', value: 'tailored-bid-terms' });
    expect(field(cases, 'violations').options?.length).toBeGreaterThan(3);
  });

  it('a disposition basis is searched by document and article name and stored as 文件#条', () => {
    const basis = field(cases, 'disposition.criminal.basis');
    expect(basis).toMatchObject({ widget: 'select', multiple: true });
    const option = basis.options?.find((o) => o.value === 'criminal-law#385');
    expect(option?.label).toContain('刑法');
    expect(option?.label).toContain('第三百八十五条');
    expect(basis.options?.some((o) => o.value === 'criminal-law')).toBe(true);
  });

  it('enums show their Chinese meaning', () => {
    expect(field(cases, 'unitKind').options).toContainEqual({ label: '国有企业（soe）', value: 'soe' });
    expect(field(cases, 'disposition.party.sanction').options?.map((o) => o.label)).toContain('开除党籍');
    expect(field(cases, 'surfacedBy').options).toContainEqual({ label: '巡视巡察（inspection）', value: 'inspection' });
  });

  it('required and optional follow the schema', () => {
    expect(field(cases, 'title').required).toBeUndefined();
    expect(field(cases, 'filed').required).toBe(false);
    expect(field(cases, 'disposition.criminal').required).toBe(false);
    expect(field(cases, 'disposition').required).toBeUndefined();
    // A case without a judgment leaves the whole object empty; a half-filled one is the content check's to report.
    expect(field(cases, 'disposition.criminal.term').required).toBe(false);
  });

  it('references to other entries are searchable relations', () => {
    const c = field(collection('courses').fields, 'cases');
    expect(c).toMatchObject({ widget: 'relation', collection: 'cases', multiple: true, value_field: '{{slug}}' });
    expect(c.search_fields).toContain('title');
  });

  it('nested lists keep their structure: quiz questions, lessons, document articles', () => {
    const quiz = field(collection('courses').fields, 'quiz');
    expect(quiz).toMatchObject({ widget: 'list', min: 5, max: 10 });
    expect(quiz.fields?.map((f) => f.name)).toEqual(['question', 'type', 'options', 'answer', 'explanation']);
    expect(field(cases, 'lessons').fields?.map((f) => f.label)).toEqual(['对领导干部', '对关键岗位', '对普通职工']);
    const articles = field(collection('documents').fields, 'articles');
    expect(articles.fields?.map((f) => f.name)).toEqual(['n', 'chapter', 'title', 'text', 'riskPoints']);
  });

  it('dates are written as YYYY-MM-DD and images go into the entry folder', () => {
    expect(field(cases, 'decided')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
    expect(field(collection('culture').fields, 'images.src').widget).toBe('image');
    expect(collection('culture')).toMatchObject({ folder: 'content/culture', media_folder: 'images', public_folder: './images' });
  });

  it('a new case starts with the five sections the check requires', () => {
    expect(field(cases, 'body').default).toBe('## 基本案情\n\n## 违纪违法事实\n\n## 处理结果\n\n## 警示启示\n\n## 整改措施\n\n');
  });

  it('uses the review workflow and the Chinese interface, on the local repository through decap-server', () => {
    expect(config).toMatchObject({ publish_mode: 'editorial_workflow', locale: 'zh_Hans', backend: { name: 'git-gateway', branch: 'main' }, local_backend: { url: 'http://127.0.0.1:8081/api/v1' } });
  });

  it('an intranet GitLab or Gitea is reached directly, with the same workflow', () => {
    const gitlab = remoteBackend('{"name":"gitlab","repo":"jiwei/lianjian","api_root":"https://git.jiwei.example/api/v4","auth_type":"pkce","app_id":"abc"}', 'main');
    const c = cmsConfig({ ...inputs, ...(gitlab ? { remote: gitlab } : {}) });
    expect(c.backend).toEqual({ name: 'gitlab', repo: 'jiwei/lianjian', api_root: 'https://git.jiwei.example/api/v4', auth_type: 'pkce', app_id: 'abc', branch: 'main' });
    expect(c.local_backend).toBeUndefined();
    expect(c.publish_mode).toBe('editorial_workflow');
    expect(() => remoteBackend('{"name":"gitea","repo":"a/b","api_root":"https://x/api/v1"}', 'main')).toThrow('Decap 的 gitea 后端不支持审核流程');
    expect(() => remoteBackend('{"name":"forgejo"}', 'main')).toThrow('须写明 repo');
  });
});
