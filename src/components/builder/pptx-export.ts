/**
 * The slide deck as a .pptx, written with pptxgenjs. Loaded only when a trainer asks for slides
 * (a dynamic import: its own chunk), so the builder page itself stays small. Layout and page
 * breaks come from slide-layout.ts; this file only draws them.
 */
import PptxGenJS from 'pptxgenjs';
import { boxesFor, INSET, SLIDE, type SlideSpec } from './slide-layout.ts';

/** 微软雅黑 on Windows (PowerPoint and WPS); declared for Latin and East Asian text alike. */
export const FONT = 'Microsoft YaHei';
const ACCENT = '9E1B1B';
const INK = '222222';
const LINE = 1.2;

export async function pptxBlob(slides: readonly SlideSpec[], meta: { title: string; author: string }): Promise<Blob> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  pptx.title = meta.title;
  pptx.author = meta.author || '廉鉴';
  pptx.company = '廉鉴';
  const margin = INSET * 72;
  for (const spec of slides) {
    const slide = pptx.addSlide();
    const { title, titlePt, body, bodyPt } = boxesFor(spec.layout);
    const cover = spec.layout === 'title';
    if (!cover) slide.addShape('rect', { x: 0, y: 0, w: SLIDE.w, h: 0.12, fill: { color: ACCENT }, line: { color: ACCENT } });
    slide.addText(spec.title, {
      ...title,
      fontFace: FONT,
      lang: 'zh-CN',
      fontSize: titlePt,
      bold: true,
      color: cover ? ACCENT : INK,
      align: cover ? 'center' : 'left',
      valign: cover ? 'bottom' : 'middle',
      margin,
      lineSpacing: titlePt * LINE,
      fit: 'none',
    });
    if (spec.blocks.length === 0) continue;
    slide.addText(
      spec.blocks.map((b) => ({
        text: b.text,
        options: { bold: !!b.bold, breakLine: true, ...(b.bullet ? { bullet: { indent: 28.8 } } : {}) },
      })),
      {
        ...body,
        fontFace: FONT,
        lang: 'zh-CN',
        fontSize: bodyPt,
        color: INK,
        align: cover ? 'center' : 'left',
        valign: 'top',
        margin,
        lineSpacing: bodyPt * LINE,
        paraSpaceAfter: 6,
        fit: 'none',
      },
    );
  }
  return (await pptx.write({ outputType: 'blob' })) as Blob;
}
