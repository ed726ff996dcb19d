/**
 * Editors' Markdown is treated as untrusted. This Sätteri HAST plugin escapes every piece of raw
 * HTML (a <script>, an <iframe>, an onerror= attribute all arrive as raw HTML), so it shows as
 * text instead of running, and drops link and image targets with a script-capable scheme.
 * The project's own pages are MDX and .astro, where markup is written by developers.
 */
interface HastNodeLike {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
}

interface Ctx {
  replaceNode(node: Readonly<HastNodeLike>, next: HastNodeLike | HastNodeLike[]): void;
  setProperty(node: Readonly<HastNodeLike>, key: string, value: unknown): void;
}

const UNSAFE_URL = /^\s*(javascript|vbscript|data):/i;

export function isUnsafeUrl(url: unknown): boolean {
  // Browsers ignore tabs, newlines and control characters inside a scheme: "java\tscript:" runs.
  return typeof url === 'string' && UNSAFE_URL.test(url.replace(/[\u0000-\u001f\u007f]/g, ''));
}

export const markdownSafety = {
  name: 'lianjian-markdown-safety',
  raw(node: Readonly<HastNodeLike>, ctx: Ctx) {
    ctx.replaceNode(node, { type: 'text', value: node.value ?? '' });
  },
  element: {
    filter: ['a', 'img'],
    visit(node: Readonly<HastNodeLike>, ctx: Ctx) {
      const key = node.tagName === 'a' ? 'href' : 'src';
      if (isUnsafeUrl(node.properties?.[key])) ctx.setProperty(node, key, undefined);
    },
  },
};
