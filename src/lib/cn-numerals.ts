const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/** 385 → 三百八十五, 10 → 十, 110 → 一百一十, 1001 → 一千零一 (for 第N条, up to 9999). */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`无法转换为中文数字：${n}`);
  if (n === 0) return DIGITS[0] as string;
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i] as string;
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += DIGITS[0];
    pendingZero = false;
    out += (DIGITS[d] as string) + unit;
  });
  // 一十 → 十 at the start, as 第十条 and 第十五条 are written.
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** Article key as stored ("385", "388-1") → 第三百八十五条 / 第三百八十八条之一. */
export function articleLabel(n: string): string {
  const [main, sub] = n.split('-');
  const base = `第${toChineseNumber(Number(main))}条`;
  return sub ? `${base}之${toChineseNumber(Number(sub))}` : base;
}

export function articleAnchor(n: string): string {
  return `article-${n}`;
}
