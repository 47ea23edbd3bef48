/** Where a value sits in a JSON text: character offsets [start, end). */
export interface Span {
  start: number;
  end: number;
}

/**
 * The span of every value of a JSON text, by the path the SOP's validator names it with
 * (`routing.TRAFFICKING_VICTIM.firstContact.HIGH`, `signatories[2]`; the whole document is `(sop)`).
 * A text that does not parse gives the spans read before the fault.
 */
export function jsonSpans(text: string): Map<string, Span> {
  return scan(text).spans;
}

/** Where a text stops being JSON (the offset of the first character that does not fit), or null if it reads through. */
export function jsonFault(text: string): number | null {
  return scan(text).fault;
}

function scan(text: string): { spans: Map<string, Span>; fault: number | null } {
  const spans = new Map<string, Span>();
  let at = 0;
  const space = () => {
    while (at < text.length && /\s/.test(text[at] ?? '')) at += 1;
  };
  const string = (): string => {
    const start = at;
    at += 1;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at += 1;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (path: string): void => {
    space();
    const start = at;
    const c = text[at];
    if (c === '{') {
      at += 1;
      space();
      while (at < text.length && text[at] !== '}') {
        space();
        if (text[at] !== '"') throw new Error('key expected');
        const key = string();
        space();
        if (text[at] !== ':') throw new Error('colon expected');
        at += 1;
        value(path === '' ? key : `${path}.${key}`);
        space();
        if (text[at] === ',') at += 1;
        else if (text[at] !== '}') throw new Error('comma expected');
        space();
      }
      at += 1;
    } else if (c === '[') {
      at += 1;
      space();
      let index = 0;
      while (at < text.length && text[at] !== ']') {
        value(`${path}[${index}]`);
        index += 1;
        space();
        if (text[at] === ',') at += 1;
        else if (text[at] !== ']') throw new Error('comma expected');
        space();
      }
      at += 1;
    } else if (c === '"') {
      string();
    } else {
      const match = /^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(at, at + 40));
      if (!match) throw new Error('value expected');
      at += match[0].length;
    }
    spans.set(path === '' ? '(sop)' : path, { start, end: at });
  };
  try {
    value('');
    space();
    if (at < text.length) throw new Error('end expected');
    return { spans, fault: null };
  } catch {
    // What was read before the fault still places the problems found there.
    return { spans, fault: Math.min(at, text.length) };
  }
}

/**
 * The span of the value a problem's path names, or of its nearest enclosing value that the text has
 * (a missing field is reported where it belongs: on its parent). Undefined when nothing matches.
 */
export function locatePath(text: string, path: string, spans: Map<string, Span> = jsonSpans(text)): Span | undefined {
  let current = path;
  for (;;) {
    const span = spans.get(current);
    if (span) return span;
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    if (cut <= 0) return spans.get('(sop)');
    current = current.slice(0, cut);
  }
}

/** The line (1-based) an offset falls on, to say where a problem is. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text[i] === '\n') line += 1;
  return line;
}
