#!/usr/bin/env node
// Entry point for `npx zorgvuldig`. Node 20 cannot strip TypeScript types, so tsx registers its loader
// in this process and the CLI runs from source (one process, one PID).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
