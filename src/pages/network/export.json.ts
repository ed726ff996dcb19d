import type { APIRoute } from 'astro';
import { getNetwork } from '../../data/network.ts';

/** This site's reference data for its members and children (lib/federation.ts buildExport). */
export const GET: APIRoute = async () => new Response(`${JSON.stringify((await getNetwork()).own, null, 1)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
