// Unconfirmed edits survive a page reload: the browser's replica is stored, read back, and
// carries on exactly where it was. Run by BrowserReplicaStorageTest; exits 1 on a failure.
import assert from 'node:assert/strict';
import { PlanReplica, operationToJson } from '../../main/webapp/js/live/plan.js';
import { TextOperation } from '../../main/webapp/js/live/text-operation.js';

const plan = {
  nodes: [
    { id: 'g', kind: 'GOAL', fields: { POSITION: 'V', TITLE: 'Ryan goes to school' } },
    { id: 'a', kind: 'ACTION', fields: { GOAL: 'g', POSITION: 'V', DESCRIPTION: 'abc', STATUS: 'PROPOSED' } },
  ],
};
const edit = (text) => ({ op: 'edit', id: 'a', field: 'DESCRIPTION', text });

const replica = new PlanReplica(plan, 5);
replica.edit(edit(new TextOperation().retain(3).insert('X')));
const sent = replica.nextToSend();
replica.edit(edit(new TextOperation().retain(4).insert('Y')));
// Someone else's change, applied by the server before ours.
replica.receive({ changeId: 'other', revision: 6, ops: [operationToJson(edit(new TextOperation().insert('Z').retain(3)))] });

const stored = JSON.parse(JSON.stringify(replica.toStored()));
const restored = PlanReplica.fromStored(stored);

assert.deepEqual(restored.document.toJson(), replica.document.toJson(), 'the page shows what it showed before');
assert.equal(restored.document.get('a', 'DESCRIPTION'), 'ZabcXY');
assert.equal(restored.confirmed.get('a', 'DESCRIPTION'), 'Zabc', 'the confirmed plan has only what the server applied');
assert.equal(restored.revision, 6);
assert.equal(restored.inFlight.changeId, sent.changeId, 'the change in flight keeps its id, so the server applies it once');
assert.ok(restored.hasUnconfirmed());

// The server confirms the change in flight (as rewritten against "Z"), then the buffered one goes.
restored.receive({ changeId: sent.changeId, revision: 7, ops: restored.inFlight.ops.map(operationToJson) });
assert.equal(restored.confirmed.get('a', 'DESCRIPTION'), 'ZabcX');
const next = restored.nextToSend();
assert.ok(next, 'the buffered edit is sent next');
restored.receive({ changeId: next.changeId, revision: 8, ops: next.ops.map(operationToJson) });
assert.equal(restored.confirmed.get('a', 'DESCRIPTION'), 'ZabcXY');
assert.equal(restored.hasUnconfirmed(), false);
assert.deepEqual(restored.confirmed.toJson(), restored.document.toJson(), 'all confirmed: both copies agree');

// A sync (the family changed what it shares: protocol 1.3) replaces the plan but keeps the change in
// flight in flight, so its own applied still confirms it once, and later edits are made again on top.
const shared = new PlanReplica(plan, 5);
shared.edit(edit(new TextOperation().retain(3).insert('X')));
const flying = shared.nextToSend();
shared.edit(edit(new TextOperation().retain(4).insert('Y')));
const partOf = { nodes: [{ id: 'g', kind: 'GOAL', fields: { POSITION: 'V' } }, plan.nodes[1]] };
shared.reset(partOf, 9, true);
assert.equal(shared.inFlight.changeId, flying.changeId, 'still in flight under its own id');
assert.equal(shared.document.get('g', 'TITLE'), '', 'the goal words it no longer may see are gone');
assert.equal(shared.document.get('a', 'DESCRIPTION'), 'abcXY', 'its own edits are still on the page');
shared.receive({ changeId: flying.changeId, revision: 12, ops: flying.ops.map(operationToJson) });
assert.equal(shared.inFlight, null, 'its applied confirmed it');
assert.equal(shared.confirmed.get('a', 'DESCRIPTION'), 'abcX');
process.stdout.write('ok');
