import type { APIRoute, GetStaticPaths } from 'astro';
import { TEXT_SIZES, textSizeCss, type TextSizeId } from '../../lib/text-size.ts';

/** One stylesheet per size for servers to answer with, and `current.css` as built: the standard size. */
export const getStaticPaths = (() => [
  ...TEXT_SIZES.map((s) => ({ params: { name: s.id }, props: { size: s.id } })),
  { params: { name: 'current' }, props: { size: 'standard' } },
]) satisfies GetStaticPaths;

export const GET: APIRoute<{ size: TextSizeId }> = ({ props }) => new Response(textSizeCss(props.size), { headers: { 'content-type': 'text/css; charset=utf-8' } });
