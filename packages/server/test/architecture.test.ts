import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README's "Repository layout" as a test: which folder may import which. A new import that
 * breaks a rule, or closes a cycle between folders, fails here rather than in a review.
 */
const SRC = resolve(import.meta.dirname, '../src');

/** Folder → the folders it may import (besides itself). `index.ts` at the root is the package entry. */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  crypto: [],
  outbound: [],
  catalog: ['core'],
  domain: ['catalog', 'core'],
  oauth: ['catalog', 'outbound', 'core'],
  store: ['domain', 'crypto', 'catalog', 'core'],
  events: ['domain', 'store', 'core'],
  environments: ['domain', 'store', 'core'],
  integrations: ['domain', 'store', 'catalog', 'oauth', 'outbound', 'core'],
  connections: ['integrations', 'environments', 'events', 'domain', 'store', 'catalog', 'oauth', 'core'],
  webhooks: ['domain', 'store', 'events', 'outbound', 'core'],
  health: ['connections', 'domain', 'store', 'core'],
  metrics: ['store', 'core'],
  proxy: ['connections', 'integrations', 'domain', 'store', 'catalog', 'core'],
  web: ['connections', 'catalog', 'core'],
  operators: ['domain', 'store', 'crypto', 'core'],
  dashboard: ['operators', 'environments', 'integrations', 'connections', 'events', 'webhooks', 'domain', 'catalog', 'crypto', 'core'],
  http: [
    'proxy',
    'connections',
    'integrations',
    'environments',
    'events',
    'webhooks',
    'widgets',
    'web',
    'dashboard',
    'domain',
    'catalog',
    'oauth',
    'core',
  ],
  app: [
    'http',
    'proxy',
    'health',
    'metrics',
    'connections',
    'integrations',
    'environments',
    'events',
    'webhooks',
    'widgets',
    'operators',
    'store',
    'oauth',
    'outbound',
    'crypto',
    'catalog',
    'domain',
    'core',
  ],
  cli: ['app', 'environments', 'webhooks', 'operators', 'catalog', 'crypto', 'domain', 'core'],
  widgets: ['connections', 'integrations', 'environments', 'domain', 'store', 'catalog', 'crypto', 'core'],
  '(root)': ['app', 'core'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const folderOf = (path: string): string => {
  const parts = relative(SRC, path).split('/');
  return parts.length > 1 ? parts[0]! : '(root)';
};

/** Every import between folders, as `from → to` with the files that make it. */
function folderImports(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const from = folderOf(file);
      const to = folderOf(resolve(dirname(file), m[1]!));
      if (from === to) continue;
      const key = `${from} → ${to}`;
      edges.set(key, [...(edges.get(key) ?? []), relative(SRC, file)]);
    }
  }
  return edges;
}

describe('repository layout', () => {
  const edges = folderImports();

  it('every folder of src/ has a rule', () => {
    const folders = new Set(sourceFiles(SRC).map(folderOf));
    expect([...folders].filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it('each folder imports only what its rule allows', () => {
    const broken = [...edges].filter(([edge]) => {
      const [from, to] = edge.split(' → ') as [string, string];
      return !ALLOWED[from]?.includes(to);
    });
    expect(broken.map(([edge, files]) => `${edge} (${files.join(', ')})`)).toEqual([]);
  });

  it('no two folders import each other, directly or through others', () => {
    const graph = new Map<string, Set<string>>();
    for (const edge of edges.keys()) {
      const [from, to] = edge.split(' → ') as [string, string];
      graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      for (const next of graph.get(node) ?? []) {
        if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
        else visit(next, [...path, next]);
      }
    };
    for (const start of graph.keys()) visit(start, [start]);
    expect(cycles).toEqual([]);
  });

  it('no source file is over 400 lines', () => {
    const long = sourceFiles(SRC)
      .filter((f) => !f.includes('/catalog/providers/'))
      .map((f) => [relative(SRC, f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 400);
    expect(long).toEqual([]);
  });
});
