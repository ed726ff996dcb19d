import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSite } from '../../data/site.ts';
import { feedText } from '../../lib/feed.ts';
import { urls } from '../../lib/urls.ts';

/** Cases newly added to the library, by the date they were added. */
export const GET: APIRoute = async (context) => {
  const site = await getSite();
  const latest = [...site.cases].sort((a, b) => b.data.published.getTime() - a.data.published.getTime()).slice(0, 50);
  return rss({
    title: '廉鉴 · 警示案例',
    description: '新收入警示案例库的教学案例（人物、单位均为化名）。',
    site: context.site ?? 'https://lianjian.example.cn',
    customData: '<language>zh-cn</language>',
    items: latest.map((c) => ({
      title: feedText(c.data.title),
      description: feedText(c.data.summary),
      link: urls.case(c.id),
      pubDate: c.data.published,
      categories: [site.terms.sectors.get(c.data.sector)?.data.name ?? c.data.sector, ...c.data.tags],
    })),
  });
};
