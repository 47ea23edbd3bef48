/** Where a Node process spent its CPU time, from a V8 `.cpuprofile` (node --cpu-prof). */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The package (node_modules/<name>), the project file, or the runtime part a frame belongs to. */
function ownerOf(url: string, root: string): string {
  if (!url) return '(native / V8)';
  const path = url.replace(/^file:\/\//, '');
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (module) return module[1];
  if (path.startsWith('node:')) return `node (${path.slice(5).split('/')[0]})`;
  if (path.startsWith(root)) return path.slice(root.length + 1).replace(/^dist\//, '').replace(/\.js$/, '');
  return path;
}

/**
 * Self time per owner (package or project file) and the hottest functions, as text. Idle time (the
 * event loop waiting for I/O) is left out of the percentages.
 */
export function summariseProfile(profile: CpuProfile, root: string, top = 14): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfByNode = new Map<number, number>();
  profile.samples.forEach((id, i) => selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const [id, micros] of selfByNode) {
    const node = byId.get(id);
    if (!node) continue;
    const name = node.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') {
      idle += micros;
      continue;
    }
    busy += micros;
    const owner = name === '(garbage collector)' ? '(garbage collector)' : ownerOf(node.callFrame.url, root);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + micros);
    const fn = `${name || '(anonymous)'} ${owner}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
  }
  const pct = (micros: number): string => `${((100 * micros) / Math.max(1, busy)).toFixed(1).padStart(5)}%`;
  const lines = [`    busy ${(busy / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s of the profile; by package or project file:`];
  for (const [owner, micros] of [...byOwner.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${pct(micros)}  ${owner}`);
  lines.push('    hottest functions:');
  for (const [fn, micros] of [...byFunction.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${pct(micros)}  ${fn}`);
  return lines.join('\n');
}
