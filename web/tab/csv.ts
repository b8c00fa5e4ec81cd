/**
 * A table as CSV for Excel: the shown (already suppressed) texts only. Dutch Excel splits on ";",
 * English on ","; a byte-order mark makes it read the UTF-8. A cell that starts like a formula
 * (=, +, -, @) is prefixed with an apostrophe so a spreadsheet shows it instead of running it.
 */
export function toCsv(rows: string[][], separator: ';' | ','): string {
  const cell = (text: string) => {
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[";,\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${rows.map((row) => row.map(cell).join(separator)).join('\r\n')}\r\n`;
}
