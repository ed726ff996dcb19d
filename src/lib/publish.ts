import type { Edition } from './content-root.ts';

export interface Publishable {
  visibility: 'public' | 'internal';
  draft: boolean;
}

/** Drafts never ship; internal entries ship only in the internal edition. */
export function isPublished(data: Publishable, edition: Edition): boolean {
  if (data.draft) return false;
  return data.visibility === 'public' || edition === 'internal';
}
