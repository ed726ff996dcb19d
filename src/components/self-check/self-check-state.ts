/**
 * What the self-check page keeps in the reader's own browser (localStorage), never sent anywhere.
 *
 * Key:   `lianjian:self-check:<list id>`
 * Value: JSON `{ "v": 1, "checked": ["item-id", …], "updated": "2026-11-25T08:00:00.000Z" }`
 *   v        shape version; anything else is treated as no saved state
 *   checked  ids of the items ticked (an item removed from the list since is dropped on load)
 *   updated  when the reader last changed a tick, shown on the printed sheet
 */
export interface SelfCheckState {
  v: 1;
  checked: string[];
  updated: string | null;
}

export const storageKey = (listId: string) => `lianjian:self-check:${listId}`;

export const emptyState = (): SelfCheckState => ({ v: 1, checked: [], updated: null });

/** Reads saved state defensively: corrupt or foreign data yields an empty list, never an error. */
export function parseState(raw: string | null, itemIds: readonly string[]): SelfCheckState {
  if (!raw) return emptyState();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return emptyState();
  }
  if (!value || typeof value !== 'object') return emptyState();
  const v = value as Partial<SelfCheckState>;
  if (v.v !== 1 || !Array.isArray(v.checked)) return emptyState();
  const known = new Set(itemIds);
  const checked = [...new Set(v.checked.filter((id): id is string => typeof id === 'string' && known.has(id)))];
  return { v: 1, checked, updated: typeof v.updated === 'string' ? v.updated : null };
}

export function setChecked(state: SelfCheckState, id: string, on: boolean, now: Date): SelfCheckState {
  const set = new Set(state.checked);
  if (on) set.add(id);
  else set.delete(id);
  return { v: 1, checked: [...set], updated: now.toISOString() };
}

export function summary(state: SelfCheckState, itemIds: readonly string[]): { done: number; open: string[] } {
  const checked = new Set(state.checked);
  return { done: itemIds.filter((id) => checked.has(id)).length, open: itemIds.filter((id) => !checked.has(id)) };
}
