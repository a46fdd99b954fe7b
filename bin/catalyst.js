#!/usr/bin/env node
// The `catalyst` command: loads the TypeScript CLI through tsx (a dependency), so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
