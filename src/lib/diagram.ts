/** Layout helpers for the build-time SVG diagrams: pure geometry, no DOM. */

export interface Point {
  x: number;
  y: number;
}

/** `n` points evenly around a circle, the first at the top, clockwise. */
export function radial(n: number, center: Point, r: number): Point[] {
  return Array.from({ length: n }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    return { x: round(center.x + r * Math.cos(angle)), y: round(center.y + r * Math.sin(angle)) };
  });
}

/** Splits Chinese text into lines of at most `max` characters, for SVG <text> without wrapping. */
export function wrap(text: string, max: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += max) lines.push(chars.slice(i, i + max).join(''));
  return lines;
}

/** The point where the segment from `a` towards `b` leaves a circle of radius `r` around `a`. */
export function towards(a: Point, b: Point, r: number): Point {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x: round(a.x + (dx / len) * r), y: round(a.y + (dy / len) * r) };
}

const round = (v: number) => Math.round(v * 10) / 10;
