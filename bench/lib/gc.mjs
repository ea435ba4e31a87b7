/** A full GC in this Node process without needing --expose-gc on the command line. */
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gcFunction = vm.runInNewContext('gc');

export function nodeGC() {
  gcFunction();
}
