/**
 * Feed readers show an item's description (and many its title) as HTML. The RSS library escapes
 * only for XML, so a summary holding `<img src=x onerror=…>` would arrive as live markup in the
 * reader; escaping it once more as HTML makes the reader show exactly the characters written.
 */
export function feedText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
