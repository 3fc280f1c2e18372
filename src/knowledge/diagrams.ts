/**
 * Box diagrams drawn with box-drawing characters (architecture sketches), as text extraction leaves them:
 * one line per row of boxes, runs of spaces collapsed. What a diagram says is which boxes it has and what
 * each holds ("User API (Go)"), so its boxes are read row group by row group and column by column.
 */

/** A line that is part of a diagram: box corners, walls, tees or arrows. */
export const DIAGRAM_LINE = /[│┌┐└┘├┤┬┴┼▼▲►◄]/;

export interface Diagram {
  /** The first line after the diagram. */
  end: number;
  /** Each box's text, top to bottom, left to right: "API Gateway (Go/Nginx)". */
  boxes: string[];
}

/** The text in each wall-delimited cell of a line ("│ User API │ │ ML API │" → ["User API", "ML API"]). */
function cellTexts(line: string): string[] {
  return line
    .split('│')
    .map((c) => c.replace(/[─━═┌┐└┘├┤┬┴┼▼▲►◄\uFFFD]/g, '').trim())
    .filter(Boolean);
}

/**
 * The diagram starting at line `at`: rows of boxes open with a line of `┌` and close with a line of `└`.
 * A line with fewer texts than its row has boxes is read into the right-most boxes, since collapsed
 * spaces lose an empty box's width and a box's later lines most often continue the boxes that go on.
 */
export function diagramAt(lines: string[], at: number): Diagram | undefined {
  const boxes: string[] = [];
  let row: string[][] | undefined;
  let i = at;
  for (; i < lines.length && DIAGRAM_LINE.test(lines[i]!); i++) {
    const line = lines[i]!;
    const opens = line.match(/┌/g)?.length ?? 0;
    if (opens > 0) row = Array.from({ length: opens }, () => []);
    const texts = cellTexts(line);
    if (row && texts.length > 0 && texts.length <= row.length)
      texts.forEach((t, j) => row![row!.length - texts.length + j]!.push(t));
    if (/└/.test(line) && row) {
      boxes.push(...row.map((b) => b.join(' ')).filter(Boolean));
      row = undefined;
    }
  }
  return boxes.length >= 2 ? { end: i, boxes } : undefined;
}
