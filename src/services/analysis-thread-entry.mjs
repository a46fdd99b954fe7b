// The analysis thread's entry point (analysis-client.ts starts it): registers the TypeScript loader in this
// thread, whatever started the process (tsx, vitest or plain node), then loads the thread's module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
