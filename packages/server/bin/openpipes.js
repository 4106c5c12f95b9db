#!/usr/bin/env node
// In a repository checkout (src/ beside bin/) the TypeScript sources run through tsx (a root
// devDependency), so `npm start` needs no build step and never runs stale output. An installed
// package has no src/ and runs the compiled dist/ that `npm pack` built.
import { existsSync } from 'node:fs';

if (existsSync(new URL('../src/', import.meta.url))) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
} else {
  await import('../dist/cli/main.js');
}
