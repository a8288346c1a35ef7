// A plain-text table for terminals: columns padded to their widest cell, long cells wrapped.

const maxColumnWidth = 72;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      if (line !== "" && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line === "" ? word : `${line} ${word}`;
      }
    }
    lines.push(line);
  }
  return lines;
}

export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.min(maxColumnWidth, Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length))));
  const render = (cells: readonly string[]) => {
    const wrapped = cells.map((cell, column) => wrap(cell, widths[column] ?? maxColumnWidth));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    return Array.from({ length: height }, (_, line) => wrapped.map((lines, column) => (lines[line] ?? "").padEnd(widths[column] ?? 0)).join("  ").trimEnd()).join("\n");
  };
  return [render(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(render)].join("\n");
}
