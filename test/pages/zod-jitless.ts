// Imported first by csp-page.ts: zod probes `new Function` when its first object schema is built
// (the library builds some at import time), and a strict policy reports even a caught probe.
import * as z from 'zod';

z.config({ jitless: true });
