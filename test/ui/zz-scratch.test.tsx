import { it } from 'vitest';
import { select, startWriteApp, WKEY } from './wizard-harness.js';

it('dump', async () => {
  const app = await startWriteApp({ write: true, width: 80, height: 24 });
  await select(app, '3', 'gw-er');
  await app.press('c');
  console.log(await app.until('Create: pick'));
  await app.press(WKEY.enter);
  console.log(await app.until('Step 1'));
  await app.press(WKEY.enter, ...'er-lon', WKEY.enter, WKEY.enter, WKEY.enter, WKEY.enter);
  console.log(await app.until('Routing weight'));
  await app.press(WKEY.ctrlU, ...'40000');
  console.log(app.r.frame());
  await app.press(WKEY.ctrlU, ...'10', WKEY.enter);
  console.log(await app.until('Authorization'));
  await app.press(WKEY.enter);
  console.log(await app.until("✔ Microsoft"));
  await app.press(...'gw-er-to-er-lon', WKEY.enter);
  console.log(await app.until('Applying'));
  console.log(await app.until('✔ applied'));
  await app.until('Verify');
  await new Promise((r) => setTimeout(r, 500));
  console.log(app.r.frame());
  await app.close();
});
