import { benchHooks } from './ledger-hooks';
import { Ledger } from '../lib/ledger/repository';

// Bundled by bench/ledger-lookup.bench.ts into a plain page so the ledger runs on Chromium's real
// IndexedDB without needing an extension build (the same code the background runs).
const ledger = new Ledger({ name: 'og-ledger-bench' });
(globalThis as unknown as { __ogBench: ReturnType<typeof benchHooks> }).__ogBench = benchHooks(ledger);
