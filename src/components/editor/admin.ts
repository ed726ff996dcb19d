/**
 * The web editor's page script (`npm run edit` only; bundled by src/lib/editor-server.ts, never
 * part of a site build). Loads Decap CMS with the configuration generated from the schemas,
 * registers the file format that keeps untouched text as it was, and runs the content check
 * before every save: an entry the check would stop is not saved, and the check's Chinese
 * messages are shown beside the form.
 */
import CMS from 'decap-cms-app';
import { createElement, useState, type ChangeEvent, type ComponentType } from 'react';
import { fromFile, toFile, type EntryData } from '../../lib/cms-format.ts';
import type { CmsConfig } from '../../lib/cms-config.ts';
import { FORMAT_NAME } from '../../lib/cms-config.ts';
import { formatAmounts, parseAmounts } from './amounts.ts';
import { problemLines, refusal, type ShownProblem } from './check-panel.ts';

/** The part of Decap's loosely typed API this page uses. */
interface ImmutableLike {
  get(key: string): unknown;
  toJS(): unknown;
}
interface WidgetProps {
  value: unknown;
  onChange(value: unknown): void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle(): void;
  setInactiveStyle(): void;
}
interface Decap {
  init(options: { config: CmsConfig }): void;
  registerCustomFormat(name: string, extension: string, formatter: { fromFile(content: string): EntryData; toFile(data: EntryData, order?: string[]): string }): void;
  registerEventListener(listener: { name: 'preSave'; handler(args: { entry: ImmutableLike }): Promise<undefined> }): void;
  registerWidget(name: string, control: ComponentType<WidgetProps>): void;
}
const cms = CMS as unknown as Decap;

const panel = document.createElement('aside');
panel.id = 'lianjian-check';
panel.setAttribute('role', 'alert');
panel.hidden = true;
document.body.append(panel);

function show(problems: readonly ShownProblem[]): void {
  panel.replaceChildren();
  panel.hidden = problems.length === 0;
  if (problems.length === 0) return;
  const heading = document.createElement('h2');
  heading.textContent = `内容检查未通过，不能保存（${problems.length} 处）`;
  const list = document.createElement('ul');
  for (const line of problemLines(problems)) {
    const li = document.createElement('li');
    li.textContent = line;
    list.append(li);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '知道了';
  close.addEventListener('click', () => {
    panel.hidden = true;
  });
  panel.append(heading, list, close);
}

function AmountsControl(props: WidgetProps) {
  const initial = props.value && typeof (props.value as ImmutableLike).toJS === 'function' ? (props.value as ImmutableLike).toJS() : props.value;
  const [text, setText] = useState(formatAmounts(initial));
  const { unreadable } = parseAmounts(text);
  return createElement(
    'div',
    null,
    createElement('textarea', {
      id: props.forID,
      className: props.classNameWrapper,
      value: text,
      rows: 3,
      onFocus: props.setActiveStyle,
      onBlur: props.setInactiveStyle,
      onChange: (e: ChangeEvent<HTMLTextAreaElement>) => {
        setText(e.target.value);
        props.onChange(parseAmounts(e.target.value).value);
      },
    }),
    unreadable.length > 0 ? createElement('p', { className: 'lianjian-field-error' }, `看不懂这几行（应写成“罪名: 数额”）：${unreadable.join('；')}`) : null,
  );
}

/**
 * Decap remembers the Markdown editor's mode in localStorage (`cms.md-mode`), rich text unless
 * told otherwise. Its rich-text mode re-serialises the whole body (list markers, escapes), so an
 * editor starts in the plain Markdown mode that leaves untouched text alone; the toggle stays.
 */
const MD_MODE_KEY = 'cms.md-mode';

async function start(): Promise<void> {
  if (localStorage.getItem(MD_MODE_KEY) === null) localStorage.setItem(MD_MODE_KEY, 'raw');
  const config = (await (await fetch('/admin/config.json')).json()) as CmsConfig;
  const order = new Map(config.collections.map((c) => [c.name as string, c.fields.map((f) => f.name)]));
  cms.registerCustomFormat(FORMAT_NAME, 'md', { fromFile, toFile: (data, keys) => toFile(data, keys ?? []) });
  cms.registerWidget('keyvalue', AmountsControl);
  cms.registerEventListener({
    name: 'preSave',
    handler: async ({ entry }) => {
      const collection = String(entry.get('collection'));
      const data = (entry.get('data') as ImmutableLike).toJS() as EntryData;
      const slug = typeof entry.get('slug') === 'string' ? String(entry.get('slug')) : '';
      const text = toFile(data, order.get(collection) ?? []);
      const response = await fetch('/admin/check', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ collection, slug, text }),
      });
      if (!response.ok) throw new Error(`内容检查没有运行（编辑服务答复 ${response.status}），为安全起见不保存`);
      const { problems } = (await response.json()) as { problems: ShownProblem[] };
      show(problems);
      // Throwing stops Decap's save; its notice shows this text after “保存内容失败”.
      if (problems.length > 0) throw new Error(refusal(problems));
      return undefined;
    },
  });
  cms.init({ config });
}

start().catch((err: unknown) => {
  show([{ field: '', message: `编辑器没有启动：${err instanceof Error ? err.message : String(err)}` }]);
});
