#!/usr/bin/env node
import { main } from './main.js';

// Exit explicitly once output is flushed: keep-alive sockets of the SDK must not hold a finished command open.
const code = await main(process.argv.slice(2));
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
