// On a poor connection the call goes to voice only: the watch over the call's statistics.
// Run by BrowserLinkQualityTest; exits 1 on a failure.
import assert from 'node:assert/strict';
import { LinkQuality, lookAt, isPoor, POOR_LOOKS } from '../../main/webapp/js/live/link-quality.js';

const pair = (bps, extra = {}) => ({ type: 'candidate-pair', nominated: true, state: 'succeeded', availableOutgoingBitrate: bps, ...extra });
const report = (...stats) => new Map(stats.map((s, i) => [`s${i}`, s]));

// The least room to send over every peer, counting only the pair in use, and the most loss reported back.
const look = lookAt([
  report(pair(2_000_000), pair(10, { nominated: false }), { type: 'remote-inbound-rtp', kind: 'video', fractionLost: 0.02 }),
  report(pair(90_000, { state: 'in-progress' }), pair(400_000), { type: 'remote-inbound-rtp', kind: 'audio', fractionLost: 0.3 }),
]);
assert.deepEqual(look, { outgoingBps: 400_000, loss: 0.3 });
assert.equal(isPoor(look), true, 'a third of packets lost is poor');
assert.equal(isPoor({ outgoingBps: 2_000_000, loss: 0.01 }), false);
assert.equal(isPoor({ outgoingBps: 100_000, loss: 0 }), true, 'too little room to send video');
assert.equal(isPoor(lookAt([report({ type: 'outbound-rtp', kind: 'video' })])), false, 'nothing known yet is not poor');

// A moment's trouble is not enough: only poor looks in a row turn video off.
const quality = new LinkQuality();
const poor = { outgoingBps: 50_000, loss: 0 };
const good = { outgoingBps: 1_500_000, loss: 0 };
for (let i = 1; i < POOR_LOOKS; i++) assert.equal(quality.add(poor), false, `poor look ${i} of ${POOR_LOOKS}`);
assert.equal(quality.add(good), false);
for (let i = 1; i < POOR_LOOKS; i++) assert.equal(quality.add(poor), false, 'a good look started the count again');
assert.equal(quality.add(poor), true, `${POOR_LOOKS} poor looks in a row: video goes`);
assert.equal(quality.add(poor), false, 'then it counts afresh');
process.stdout.write('ok');
