// An HTML document (a Word file through mammoth, a saved web page) in the importer's text form:
// paragraphs on their own lines with blank lines between them, and each table row on one line
// with its cells' inner HTML separated by tabs (cellEntries reads the cells). Scans with
// indexOf, so any input takes linear time.

const BLOCK_END = /<\/(?:p|h[1-6]|li|div|tr|table|ul|ol|title)\s*>|<br\s*\/?>/gi;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name]!);

/** Removes every `<name …>…</name>` (scripts, styles): their content is not text. */
function dropElements(html: string, name: string): string {
  let result = "";
  let from = 0;
  const lower = html.toLowerCase();
  for (;;) {
    const start = lower.indexOf(`<${name}`, from);
    if (start === -1) break;
    const end = lower.indexOf(`</${name}`, start);
    result += html.slice(from, start);
    if (end === -1) return result;
    const close = lower.indexOf(">", end);
    from = close === -1 ? html.length : close + 1;
  }
  return result + html.slice(from);
}

function flowText(html: string): string {
  return decode(html.replace(BLOCK_END, "\n\n").replace(/<[^<>]{0,1000}>/g, ""))
    .split("\n")
    .map((line) => line.replace(/[\t ]+/g, " ").trim())
    .join("\n");
}

const ROW_OPEN = /<tr(?:\s[^<>]{0,500})?>/gi;
const CELL_OPEN = /<t[dh](?:\s[^<>]{0,500})?>/gi;
const TABLE_CLOSERS = /<\/(?:t[dhr]|tbody|thead|tfoot)\s*>/gi;

/** The rows of a table: each `<tr>` one line, its cells' inner HTML joined by tabs. */
function tableText(html: string): string {
  const between = (text: string, starts: RegExpExecArray[], index: number) =>
    text.slice(starts[index]!.index + starts[index]![0].length, starts[index + 1]?.index ?? text.length);
  const rowStarts = [...html.matchAll(ROW_OPEN)];
  const rows: string[] = [];
  rowStarts.forEach((_, rowIndex) => {
    const row = between(html, rowStarts, rowIndex);
    const cellStarts = [...row.matchAll(CELL_OPEN)];
    const cells = cellStarts.map((__, cellIndex) => between(row, cellStarts, cellIndex).replace(TABLE_CLOSERS, " ").replace(/[\t\r\n]+/g, " "));
    if (cells.some((cell) => cell.replace(/<[^<>]{0,1000}>/g, "").trim())) rows.push(cells.join("\t"));
  });
  return rows.join("\n");
}

export function htmlToText(html: string): string {
  let source = dropElements(dropElements(dropElements(html, "script"), "style"), "head");
  source = source.replace(/<!--[\s\S]*?-->/g, "");
  const parts: string[] = [];
  const lower = source.toLowerCase();
  let from = 0;
  for (;;) {
    const start = lower.indexOf("<table", from);
    if (start === -1) break;
    // The matching </table>, counting nested tables.
    let depth = 0;
    let at = start;
    let end = -1;
    while (at !== -1) {
      const open = lower.indexOf("<table", at + 1);
      const close = lower.indexOf("</table", at + 1);
      if (close === -1) break;
      if (open !== -1 && open < close) {
        depth += 1;
        at = open;
      } else if (depth > 0) {
        depth -= 1;
        at = close;
      } else {
        end = close;
        break;
      }
    }
    parts.push(flowText(source.slice(from, start)));
    if (end === -1) {
      parts.push(tableText(source.slice(start)));
      from = source.length;
      break;
    }
    parts.push(tableText(source.slice(start, end)));
    const close = lower.indexOf(">", end);
    from = close === -1 ? source.length : close + 1;
  }
  parts.push(flowText(source.slice(from)));
  return parts.join("\n\n").replace(/\n{3,}/g, "\n\n").trim();
}
