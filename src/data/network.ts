/**
 * The network this build belongs to (issue 20): sites.yaml and the members' data copies, read once
 * per build, with this site's own export computed from the published site model.
 */
import { contentRoot } from '../lib/content-root.ts';
import { buildExport, directoryRows, memberOrigins } from '../lib/federation.ts';
import { readNetwork } from '../lib/federation-files.ts';
import type { NetworkConfig } from '../schemas/network.ts';
import { getSite } from './site.ts';

/** A site without sites.yaml stands alone; it still publishes its export under this name. */
const STANDALONE: NetworkConfig = { self: { id: 'lianjian', name: '廉鉴', level: '省' }, members: [], timeoutSeconds: 4 };

async function load() {
  const site = await getSite();
  const files = readNetwork(contentRoot());
  const config = files.config ?? STANDALONE;
  const own = buildExport({ self: config.self, cases: site.cases, courses: site.courses, documents: site.documents, sectors: [...site.terms.sectors.values()], riskPoints: [...site.terms.riskPoints.values()], violationTypes: [...site.terms.violationTypes.values()] });
  return {
    config,
    own,
    rows: directoryRows(config, own, files.exports),
    /** What the search page needs to search the members (components/search/federation.ts). */
    client: { self: config.self.name, timeoutMs: config.timeoutSeconds * 1000, members: config.members.map((m) => ({ name: m.name, url: m.url, ...(m.include ? { include: m.include } : {}) })) },
    origins: memberOrigins(files.config),
  };
}

let network: ReturnType<typeof load> | undefined;
export function getNetwork(): ReturnType<typeof load> {
  network ??= load();
  return network;
}
