import { DEFAULT_SOP_DOCUMENT } from '../default-sop';
import { loadSop } from '../validation/sop-validator';
import { Sop } from '../sop';

/** A JSON document open to edits in tests. */
export type Editable = { [key: string]: unknown };

/** A mutable deep copy of the default SOP document, to break or change in one place per test. */
export function editableDefault(): Editable {
  return JSON.parse(JSON.stringify(DEFAULT_SOP_DOCUMENT)) as Editable;
}

/** `routing.X.supporting[1].kind` → ['routing', 'X', 'supporting', 1, 'kind']. */
function steps(path: string): (string | number)[] {
  return path.split('.').flatMap((part) => {
    const [name, ...indexes] = part.split('[');
    return [...(name === '' ? [] : [name]), ...indexes.map((i) => Number(i.replace(']', '')))];
  });
}

function parentOf(document: Editable, path: string): [Record<string | number, unknown>, string | number] {
  const keys = steps(path);
  let node = document as Record<string | number, unknown>;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) throw new Error(`no ${String(key)} on the way to ${path}`);
    node = next as Record<string | number, unknown>;
  }
  return [node, keys[keys.length - 1]];
}

export function getAt(document: Editable, path: string): unknown {
  const [parent, key] = parentOf(document, path);
  return parent[key];
}

export function setAt(document: Editable, path: string, value: unknown): Editable {
  const [parent, key] = parentOf(document, path);
  parent[key] = value;
  return document;
}

export function removeAt(document: Editable, path: string): Editable {
  const [parent, key] = parentOf(document, path);
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else delete parent[key];
  return document;
}

/** The default SOP with some edits applied, validated. */
export function defaultWith(edit: (document: Editable) => void): Sop {
  const document = editableDefault();
  edit(document);
  return loadSop(document);
}
