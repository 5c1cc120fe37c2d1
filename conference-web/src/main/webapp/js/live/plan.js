// The plan document and the client's replica of it: the same rules as shared-model's
// PlanDocument, Transform and PlanReplica, so that every copy of the plan ends up the same.
import { TextOperation } from './text-operation.js';

const TEXT_FIELDS = new Set(['TITLE', 'DESCRIPTION']);
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A position key between two others (either may be null), as FractionalIndex.between. */
export function positionBetween(before, after) {
  let key = '';
  let bounded = after != null;
  for (let i = 0; ; i++) {
    const low = before != null && i < before.length ? DIGITS.indexOf(before[i]) : 0;
    const high = bounded && i < after.length ? DIGITS.indexOf(after[i]) : DIGITS.length;
    if (low === high) { key += DIGITS[low]; continue; }
    const mid = Math.floor((low + high) / 2);
    if (mid > low) return key + DIGITS[mid];
    key += DIGITS[low];
    bounded = false;
  }
}

export function operationFromJson(o) {
  return o.op === 'edit' ? { ...o, text: TextOperation.fromJson(o.text) } : { ...o };
}

export function operationToJson(o) {
  return o.op === 'edit' ? { ...o, text: o.text.toJson() } : { ...o };
}

export class PlanDocument {
  constructor(json) {
    this.nodes = new Map();
    for (const n of (json && json.nodes) || []) this.nodes.set(n.id, { id: n.id, kind: n.kind, fields: { ...n.fields } });
  }

  /** The same shape the server sends ({nodes: [...]}), for keeping in the browser's storage. */
  toJson() {
    return { nodes: [...this.nodes.values()].map((n) => ({ id: n.id, kind: n.kind, fields: { ...n.fields } })) };
  }

  get(id, field) {
    const node = this.nodes.get(id);
    const value = node ? node.fields[field] : undefined;
    return value === undefined ? (TEXT_FIELDS.has(field) ? '' : null) : value;
  }

  ordered(filter) {
    return [...this.nodes.values()].filter((n) => n.fields.DELETED !== 'true' && filter(n))
      .sort((a, b) => (a.fields.POSITION < b.fields.POSITION ? -1 : a.fields.POSITION > b.fields.POSITION ? 1 : (a.id < b.id ? -1 : 1)));
  }

  goals() {
    return this.ordered((n) => n.kind === 'GOAL');
  }

  actionsOf(goalId) {
    return this.ordered((n) => n.kind === 'ACTION' && n.fields.GOAL === goalId);
  }

  apply(op) {
    if (op.op === 'createGoal') {
      if (this.nodes.has(op.id)) throw new Error('already exists');
      this.nodes.set(op.id, { id: op.id, kind: 'GOAL', fields: { POSITION: op.position, TITLE: op.title || '' } });
    } else if (op.op === 'createAction') {
      if (this.nodes.has(op.id)) throw new Error('already exists');
      this.nodes.set(op.id, { id: op.id, kind: 'ACTION', fields: { GOAL: op.goalId, POSITION: op.position, DESCRIPTION: op.description || '', STATUS: 'PROPOSED' } });
    } else {
      const node = this.nodes.get(op.id);
      if (!node) throw new Error(`unknown id ${op.id}`);
      if (op.op === 'set') {
        if (op.value === null) delete node.fields[op.field];
        else node.fields[op.field] = op.value;
      } else if (op.op === 'edit') {
        node.fields[op.field] = op.text.apply(node.fields[op.field] || '');
      }
    }
  }
}

/** [later', earlier'] for two operations; earlier' is null where later overrides it. */
function transformPair(later, earlier) {
  if (later.id !== earlier.id) return [later, earlier];
  if (later.op === 'edit' && earlier.op === 'edit' && later.field === earlier.field) {
    const [l, e] = TextOperation.transform(later.text, earlier.text);
    return [{ ...later, text: l }, { ...earlier, text: e }];
  }
  if (later.op === 'set' && earlier.op === 'set' && later.field === earlier.field) return [later, null];
  return [later, earlier];
}

export function transform(later, earlier) {
  let laterPrime = later.slice();
  const earlierPrime = [];
  for (const e of earlier) {
    let current = e;
    const next = [];
    for (const l of laterPrime) {
      if (current === null) { next.push(l); continue; }
      const [l2, e2] = transformPair(l, current);
      next.push(l2);
      current = e2;
    }
    laterPrime = next;
    if (current !== null) earlierPrime.push(current);
  }
  return [laterPrime, earlierPrime];
}

/**
 * The browser's copy of the plan: local edits apply at once; one change is in flight; the rest
 * wait in a buffer. Incoming changes are rewritten against what is unconfirmed here.
 */
export class PlanReplica {
  constructor(planJson, revision) {
    this.document = new PlanDocument(planJson);
    // The plan as the server has it at this.revision, without our unconfirmed edits: what a
    // reloaded page starts from before it sends them again.
    this.confirmed = new PlanDocument(planJson);
    this.revision = revision;
    this.inFlight = null;
    this.buffer = [];
  }

  /** Everything needed to carry unconfirmed edits across a page reload. */
  toStored() {
    return {
      revision: this.revision,
      confirmed: this.confirmed.toJson(),
      inFlight: this.inFlight ? { changeId: this.inFlight.changeId, ops: this.inFlight.ops.map(operationToJson) } : null,
      buffer: this.buffer.map(operationToJson),
    };
  }

  /** A replica as it was before a reload: the confirmed plan, with the unconfirmed edits on top, to be sent again. */
  static fromStored(stored) {
    const replica = new PlanReplica(stored.confirmed, stored.revision);
    if (stored.inFlight) {
      const ops = stored.inFlight.ops.map(operationFromJson);
      for (const op of ops) replica.document.apply(op);
      replica.inFlight = { changeId: stored.inFlight.changeId, baseRevision: stored.revision, ops };
    }
    for (const op of stored.buffer.map(operationFromJson)) replica.edit(op);
    return replica;
  }

  edit(op) {
    this.document.apply(op);
    this.buffer.push(op);
  }

  nextToSend() {
    if (this.inFlight || this.buffer.length === 0) return null;
    this.inFlight = { changeId: crypto.randomUUID(), baseRevision: this.revision, ops: this.buffer };
    this.buffer = [];
    return this.inFlight;
  }

  /** The change in flight again, on the current revision, after a reconnect. */
  resend() {
    if (!this.inFlight) return null;
    this.inFlight = { ...this.inFlight, baseRevision: this.revision };
    return this.inFlight;
  }

  /** A change the server applied; returns the operations applied here (for updating the page). */
  receive(change) {
    if (change.revision <= this.revision) return [];
    if (this.inFlight && this.inFlight.changeId === change.changeId) {
      for (const op of this.inFlight.ops) this.confirmed.apply(op);
      this.inFlight = null;
      this.revision = change.revision;
      return [];
    }
    let incoming = change.ops.map(operationFromJson);
    for (const op of incoming) this.confirmed.apply(op);
    if (this.inFlight) {
      const [flight, rest] = transform(this.inFlight.ops, incoming);
      this.inFlight = { ...this.inFlight, ops: flight };
      incoming = rest;
    }
    const [buffer, rest] = transform(this.buffer, incoming);
    this.buffer = buffer;
    for (const op of rest) this.document.apply(op);
    this.revision = change.revision;
    return rest;
  }

  /**
   * A whole fresh plan (after a long time away): unconfirmed edits are applied again on top, where they still fit.
   * keepInFlight (a sync): the change in flight stays in flight, to be answered by its applied or error.
   */
  reset(planJson, revision, keepInFlight = false) {
    const flight = keepInFlight ? this.inFlight : null;
    const pending = [...(this.inFlight && !flight ? this.inFlight.ops : []), ...this.buffer];
    this.document = new PlanDocument(planJson);
    this.confirmed = new PlanDocument(planJson);
    this.revision = revision;
    this.inFlight = flight;
    this.buffer = [];
    for (const op of flight ? flight.ops : []) {
      try { this.document.apply(op); } catch (e) { /* no longer here: the server answers it with an error */ }
    }
    for (const op of pending) {
      try {
        if (op.op === 'edit') {
          // Re-express a text edit against the text as it is now, keeping its words.
          const now = this.document.get(op.id, op.field);
          const inserted = op.text.steps.filter((s) => typeof s === 'string').join('');
          if (inserted) this.edit({ ...op, text: new TextOperation().retain(now.length).insert(inserted) });
        } else {
          this.edit(op);
        }
      } catch (e) {
        // The item is gone for good; nothing to re-apply it to.
      }
    }
  }

  hasUnconfirmed() {
    return this.inFlight !== null || this.buffer.length > 0;
  }
}
