import { z } from 'astro/zod';
import { contentErrors, type ContentErrorCode } from '../lib/content-errors.ts';

const typeNames: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表',
  object: '对象（缩进的若干字段）',
  date: '日期',
  undefined: '空',
  null: '空值',
};

function describe(value: unknown): string {
  if (value === undefined) return '空';
  if (value === null) return '空值';
  if (Array.isArray(value)) return '列表';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '无效日期' : '日期';
  return typeNames[typeof value] ?? typeof value;
}

/** Sorts a zod issue into the catalogue: the code decides the hint, the message is the catalogue's wording. */
export function classify(issue: z.core.$ZodRawIssue | z.core.$ZodIssue): { code: ContentErrorCode; message: string } | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'missing', message: contentErrors.missing.message() };
      if (issue.expected === 'date') return { code: 'badDate', message: contentErrors.badDate.message() };
      return { code: 'wrongType', message: contentErrors.wrongType.message(typeNames[issue.expected] ?? issue.expected, describe(issue.input)) };
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      if (issue.input === undefined) return { code: 'missing', message: `${contentErrors.missing.message()}，可选值：${allowed.join(' / ')}` };
      return { code: 'notInEnum', message: contentErrors.notInEnum.message(allowed) };
    }
    case 'too_small':
      return { code: 'tooShort', message: contentErrors.tooShort.message(Number(issue.minimum), unitOf(issue.origin)) };
    case 'too_big':
      return { code: 'tooLong', message: contentErrors.tooLong.message(Number(issue.maximum), unitOf(issue.origin)) };
    case 'invalid_format':
      return { code: 'badFormat', message: contentErrors.badFormat.message(issue.format === 'regex' ? '不符合规定格式' : issue.format) };
    case 'unrecognized_keys':
      return { code: 'unknownField', message: contentErrors.unknownField.message(issue.keys) };
    default:
      return undefined;
  }
}

function unitOf(origin: string | undefined): string {
  return origin === 'array' ? '项' : origin === 'string' ? '个字符' : '';
}

/**
 * Zod's error map for content, in Chinese, worded from the error catalogue. Installed once for
 * the zod instance Astro uses, so `astro build`, `npm run check` and the tests print the same text.
 * Schemas still pass their own `error` for rules that need a specific sentence.
 */
export const contentErrorMap: z.core.$ZodErrorMap = (issue) => classify(issue)?.message;

z.config({ customError: contentErrorMap });

export { z };

/**
 * Astro parses content with its own error map, which outranks the global one. Wrapping a schema
 * runs our parse first and hands Astro finished issues, so `astro build` prints the catalogue's
 * Chinese messages too — every issue, not just the first.
 */
export function withCatalogueMessages<S extends z.ZodType>(schema: S) {
  return z.unknown().transform(async (value, ctx): Promise<z.output<S>> => {
    const result = await schema.safeParseAsync(value, { reportInput: true });
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, input: value });
    }
    return z.NEVER;
  });
}
