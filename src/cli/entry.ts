#!/usr/bin/env node
import { guardClosedPipes } from './closed-pipe.js';
import { main } from './main.js';

// `erscope check | head`: a reader that stops early ends erscope quietly (exit 0), never with an EPIPE stack trace.
guardClosedPipes();
// Exit explicitly once output is flushed: keep-alive sockets of the SDK must not hold a finished command open.
const code = await main(process.argv.slice(2));
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
