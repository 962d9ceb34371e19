/** Text made safe for a Markdown table cell: a pipe or a line break would break the table. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
