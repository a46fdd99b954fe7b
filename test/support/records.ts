/** What the API says about stored records, read through every page: for tests that compare the store before and after. */
import type { TestApp } from './app.ts';

/** Everything the store says about one person, to compare before a delete and after its Undo. */
export async function personRecords(t: TestApp, id: string) {
  const items = async (path: string) => (await t.get(`${path}&limit=500`)).body.items;
  return {
    person: (await t.get(`/api/people/${id}`)).body,
    footprint: (await t.get(`/api/people/${id}/footprint`)).body,
    ties: await items(`/api/ties?person=${id}&direction=both`),
    events: await items(`/api/events?person=${id}&role=any`),
    introductions: await items(`/api/introductions?person=${id}`),
    dismissals: (await items('/api/dismissals?offset=0')).filter((d: { by: string; a: string; b: string }) => [d.by, d.a, d.b].includes(id)),
  };
}

/** Every stored tie's `since` by "from>to" (epoch ms; −∞ for an undated tie, which is always there). */
export async function tieDates(t: TestApp): Promise<Map<string, number>> {
  const since = new Map<string, number>();
  for (let offset = 0; ; offset += 1000) {
    const page = (await t.get(`/api/ties?limit=1000&offset=${offset}`)).body as { items: { from: string; to: string; since: string | null }[]; total: number };
    for (const x of page.items) since.set(`${x.from}>${x.to}`, x.since ? Date.parse(x.since) : Number.NEGATIVE_INFINITY);
    if (offset + 1000 >= page.total) return since;
  }
}
