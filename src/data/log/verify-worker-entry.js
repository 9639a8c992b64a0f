// The worker thread's entry point. Node 20 cannot run TypeScript itself, so tsx's loader is registered
// in this thread (as bin/zorgvuldig.js does for the main one) before the worker's module is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./verify-worker.ts');
