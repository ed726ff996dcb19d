/** Minutes to read a Chinese text at about 400 characters a minute, never less than one. */
export function readingTime(markdown: string, perMinute = 400): number {
  const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/<[^>]+>|[#>*_`\-[\]()!]/g, '');
  const cjk = (text.match(/[\u3400-\u9fff]/g) ?? []).length;
  const words = (text.replace(/[\u3400-\u9fff]/g, ' ').match(/[A-Za-z0-9]+/g) ?? []).length;
  return Math.max(1, Math.round((cjk + words * 2) / perMinute));
}
