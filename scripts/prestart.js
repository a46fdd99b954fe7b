#!/usr/bin/env node
// Runs before `npm start`: checks Node, builds the embedded Neo4j launcher when no NEO4J_URI is set, and
// builds the browser client when its build is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Catalyst needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

if (!process.env.NEO4J_URI) {
  const { ensureLauncherBuilt, Neo4jToolsMissingError } = await import('./neo4j-deps.js');
  try {
    await ensureLauncherBuilt({ log: (m) => console.error(m) });
  } catch (err) {
    if (err instanceof Neo4jToolsMissingError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const clientDir = join(root, 'client');
const built = join(clientDir, 'dist', 'index.html');
if (existsSync(join(clientDir, 'index.html'))) {
  const stale = !existsSync(built) || statSync(built).mtimeMs < Math.max(newest(clientDir), newest(join(root, 'src', 'domain')));
  if (stale) {
    console.error('Building the browser client (vite build)...');
    const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
