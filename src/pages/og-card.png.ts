/**
 * The link-preview card (1200×630 PNG) every page names as its Open Graph image: drawn here as
 * SVG and rasterised with sharp at build time. It carries no text, so it renders the same on a
 * build machine without Chinese fonts.
 */
import type { APIRoute } from 'astro';
import sharp from 'sharp';

const card = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#fdfcf9"/>
  <rect x="0" y="0" width="1200" height="18" fill="#9b1c1c"/>
  <rect x="0" y="612" width="1200" height="18" fill="#9b1c1c"/>
  <g transform="translate(470 185)">
    <rect width="260" height="260" rx="28" fill="#9b1c1c"/>
    <rect x="22" y="22" width="216" height="216" rx="14" fill="none" stroke="#fdfcf9" stroke-width="8"/>
    <path d="M70 90h120M70 130h120M70 170h120M130 60v140" stroke="#fdfcf9" stroke-width="16" stroke-linecap="round"/>
  </g>
  <g fill="none" stroke="#d9d3c7" stroke-width="4">
    <circle cx="600" cy="315" r="230"/>
    <circle cx="600" cy="315" r="270"/>
  </g>
</svg>`;

export const GET: APIRoute = async () => {
  const png = await sharp(Buffer.from(card)).png({ compressionLevel: 9 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
