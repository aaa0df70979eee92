// Child process for process-guard.test.ts: faults after the guards are installed must not end it.
import { installProcessGuards } from '../../src/process-guard.ts';

installProcessGuards();
void Promise.reject(new Error('rejected with no handler'));
setTimeout(() => {
  throw new Error('thrown in a timer');
}, 10);
setTimeout(() => {
  process.stdout.write('still alive\n');
  process.exit(0);
}, 200);
