/**
 * Ten member sites searched from one portal: each member's Pagefind instance runs on the page's
 * thread, on one copy of Pagefind's WebAssembly glue. A reader must get every member that
 * answers, not a few that happened to load first. The glue is modelled here as it behaves: its
 * init checks for a loaded module, then awaits the load, so inits started together each load one.
 */
import { describe, expect, it } from 'vitest';
import { afterWarmUp } from '../../src/components/search/pagefind.ts';

/** The glue of one thread: `current` is the module every call goes to. */
function glue() {
  let current: number | undefined;
  let loads = 0;
  return {
    get current() {
      return current;
    },
    get loads() {
      return loads;
    },
    async init(): Promise<number> {
      if (current !== undefined) return current;
      await new Promise((r) => setTimeout(r, 1));
      current = ++loads;
      return current;
    },
  };
}

/** A member instance: it sets its index up in the module its init returned; a search works only if that is still the current one. */
const member = (g: ReturnType<typeof glue>) => async (basePath: string) => ({ basePath, module: await g.init() });
const works = (g: ReturnType<typeof glue>, m: { module: number }) => m.module === g.current;

const NINE = Array.from({ length: 9 }, (_, i) => `http://127.0.0.1:${4000 + i}/pagefind/`);

describe('opening nine member bundles at once', () => {
  it('without a warm-up, members set up in modules that are later replaced (the failure seen with ten sites)', async () => {
    const g = glue();
    const members = await Promise.all(NINE.map(member(g)));
    expect(members.filter((m) => !works(g, m)).length).toBeGreaterThan(0);
  });

  it('after the warm-up every member works, on the one module loaded once', async () => {
    const g = glue();
    const open = afterWarmUp(() => g.init(), member(g));
    const members = await Promise.all(NINE.map((b) => open(b)));
    expect(members.map((m) => m.basePath)).toEqual(NINE);
    expect(members.every((m) => works(g, m))).toBe(true);
    expect(g.loads).toBe(1);
  });

  it('warms up once for all members, however many searches open them', async () => {
    let warmUps = 0;
    const open = afterWarmUp(async () => warmUps++, (b) => b);
    await Promise.all(NINE.map((b) => open(b)));
    await open(NINE[0] ?? '');
    expect(warmUps).toBe(1);
  });

  it('still opens members when this site’s own bundle cannot be read for the warm-up', async () => {
    const open = afterWarmUp(() => Promise.reject(new Error('404 /pagefind/pagefind-entry.json')), (b) => `opened ${b}`);
    await expect(open(NINE[1] ?? '')).resolves.toBe(`opened ${NINE[1]}`);
  });
});
