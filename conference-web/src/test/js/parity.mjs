// Runs the browser's plan code on cases sent by ParityWithJavaTest (stdin, JSON) and prints the
// results (stdout, JSON), so that the test can check the browser computes exactly what the
// server computes.
import { TextOperation } from '../../main/webapp/js/live/text-operation.js';
import { positionBetween } from '../../main/webapp/js/live/plan.js';

let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const cases = JSON.parse(input);
  const out = {
    transforms: cases.transforms.map(({ a, b }) => TextOperation.transform(TextOperation.fromJson(a), TextOperation.fromJson(b)).map((o) => o.toJson())),
    diffs: cases.diffs.map(({ before, after }) => TextOperation.diff(before, after).toJson()),
    positions: cases.positions.map(({ before, after }) => positionBetween(before, after)),
  };
  process.stdout.write(JSON.stringify(out));
});
