import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSite } from '../../data/site.ts';
import { feedText } from '../../lib/feed.ts';
import { urls } from '../../lib/urls.ts';
import { CULTURE_CATEGORIES } from '../../schemas/culture.ts';

/** New integrity-culture items, newest first: published ones only, whatever the edition. */
export const GET: APIRoute = async (context) => {
  const site = await getSite();
  return rss({
    title: '廉鉴 · 廉洁文化',
    description: '廉洁故事、家风家教、历史典故、廉洁格言和书画作品。',
    site: context.site ?? 'https://lianjian.example.cn',
    customData: '<language>zh-cn</language>',
    items: site.culture.slice(0, 50).map((c) => ({
      title: feedText(c.data.title),
      description: feedText(c.data.summary),
      link: urls.cultureItem(c.id),
      pubDate: c.data.published,
      categories: [CULTURE_CATEGORIES[c.data.category], ...c.data.tags],
    })),
  });
};
