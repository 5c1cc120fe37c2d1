// The live connection: says hello with the revision it has, keeps one change in flight, comes
// back by itself after a drop (and when the phone says it is online again), and never forgets
// an edit that has not been confirmed: unconfirmed edits are kept in the browser's storage, so
// they survive the page being reloaded or the phone closing the tab, and are sent on return.
import { PlanReplica, operationToJson } from './plan.js';

const PERMANENT = { 4401: 'signed-out', 4403: 'no-access', 4410: 'closed', 4426: 'unsupported' };
// The server closes a live connection it has heard nothing on for a while (a dead phone, a
// stalled attacker: docs/security.md), so a quiet but open page says "ping" well before that.
export const PING_EVERY_MS = 25000;

export class LiveConnection {
  constructor(conferenceId, handlers, personId) {
    this.conferenceId = conferenceId;
    this.handlers = handlers;
    // Per person and conference: someone else signing in on this browser never sends these edits.
    this.storageKey = `roundtable.live.${personId}.${conferenceId}`;
    this.replica = this.restore();
    this.socket = null;
    this.attempt = 0;
    this.state = 'connecting';
    this.stopped = false;
    window.addEventListener('offline', () => this.goOffline());
    window.addEventListener('online', () => this.connect());
  }

  setState(state, detail) {
    this.state = state;
    this.handlers.onState(state, detail);
  }

  connect() {
    if (this.stopped || (this.socket && this.socket.readyState <= WebSocket.OPEN)) return;
    if (!navigator.onLine) { this.setState('offline'); return; }
    clearTimeout(this.retry);
    this.setState('connecting');
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${window.location.host}/live/conferences/${this.conferenceId}`);
    this.socket = socket;
    socket.onopen = () => {
      // roomChanges (1.2): hands, the agenda and private parts come as changes, not the whole room.
      const hello = { type: 'hello', v: 1, roomChanges: true };
      if (this.replica && !this.freshPlan) hello.revision = this.replica.revision;
      // Which of our changes did the server apply? It says in the welcome (protocol 1.1).
      if (this.replica && this.replica.inFlight) hello.pending = [this.replica.inFlight.changeId];
      this.freshPlan = false;
      socket.send(JSON.stringify(hello));
      clearInterval(this.keepAlive);
      this.keepAlive = setInterval(() => {
        if (socket.readyState === WebSocket.OPEN) socket.send('{"type":"ping"}');
      }, PING_EVERY_MS);
    };
    socket.onmessage = (event) => this.receive(JSON.parse(event.data));
    socket.onclose = (event) => {
      if (this.socket === socket) clearInterval(this.keepAlive);
      if (this.socket !== socket) return;
      this.socket = null;
      if (PERMANENT[event.code]) {
        this.stopped = true;
        this.setState('ended', { reason: PERMANENT[event.code], message: event.reason });
        return;
      }
      if (this.state === 'offline') return;
      this.setState('reconnecting');
      const delay = Math.min(15000, 1000 * 2 ** Math.min(this.attempt++, 4));
      this.retry = setTimeout(() => this.connect(), delay);
    };
  }

  goOffline() {
    this.setState('offline');
    if (this.socket) {
      const socket = this.socket;
      this.socket = null;
      socket.close();
    }
  }

  send(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  /** A local edit to the plan: applied now, kept, and sent when the line is free. */
  edit(op) {
    this.replica.edit(op);
    this.save();
    this.flush();
  }

  /** Unconfirmed edits to storage (or nothing, once all are confirmed). */
  save() {
    try {
      if (this.replica && this.replica.hasUnconfirmed()) {
        localStorage.setItem(this.storageKey, JSON.stringify(this.replica.toStored()));
      } else {
        localStorage.removeItem(this.storageKey);
      }
    } catch (e) {
      // Storage full or switched off: the edits still live in this page until it is closed.
    }
  }

  restore() {
    try {
      const stored = localStorage.getItem(this.storageKey);
      return stored ? PlanReplica.fromStored(JSON.parse(stored)) : null;
    } catch (e) {
      localStorage.removeItem(this.storageKey);
      return null;
    }
  }

  flush() {
    if (!this.replica || !this.socket || this.socket.readyState !== WebSocket.OPEN || this.state !== 'online') return;
    const change = this.replica.nextToSend();
    if (change) {
      // Kept with its id before it leaves: if the page goes now, the same change is sent again
      // and the server applies it once.
      this.save();
      this.sendChange(change);
    }
  }

  sendChange(change) {
    this.send({ type: 'submit', changeId: change.changeId, baseRevision: change.baseRevision, ops: change.ops.map(operationToJson) });
  }

  receive(message) {
    if (message.type === 'batch') {
      // Several messages that queued up on the server, in order, in one frame.
      for (const each of message.messages) this.receive(each);
      return;
    }
    this.handle(message);
    if (message.type === 'welcome' || message.type === 'sync' || message.type === 'applied' || message.type === 'error') this.save();
  }

  /** The change in flight is done if a whole plan's `applied` (welcome, or sync in 1.4) names it. */
  dropIfApplied(applied) {
    if (this.replica.inFlight && applied && Object.hasOwn(applied, this.replica.inFlight.changeId)) {
      this.replica.inFlight = null;
    }
  }

  handle(message) {
    switch (message.type) {
      case 'welcome': {
        this.attempt = 0;
        if (!this.replica) {
          this.replica = message.plan ? new PlanReplica(message.plan, message.revision) : null;
        } else if (message.plan) {
          // A change the server says it applied is in that plan already: only the rest is applied again.
          this.dropIfApplied(message.applied);
          this.replica.reset(message.plan, message.revision);
        } else if (message.missed) {
          for (const change of message.missed) this.replica.receive(change);
        }
        this.setState('online');
        this.handlers.onWelcome(message);
        const again = this.replica && this.replica.resend();
        if (again) this.sendChange(again);
        else this.flush();
        break;
      }
      case 'sync':
        // A change in flight stays in flight: its applied (or error) still comes (protocol 1.3),
        // unless the sync says this plan holds it already (1.4): then it is done, not made again.
        if (!this.replica) this.replica = new PlanReplica(message.plan, message.revision);
        else if (message.plan) {
          this.dropIfApplied(message.applied);
          this.replica.reset(message.plan, message.revision, true);
        } else for (const change of message.missed) this.replica.receive(change);
        this.handlers.onPlanReplaced(message);
        this.flush();
        break;
      case 'applied': {
        if (!this.replica) break;
        const ops = this.replica.receive(message);
        this.handlers.onApplied(ops, message);
        this.flush();
        break;
      }
      case 'room':
        this.handlers.onRoom(message);
        break;
      case 'hand':
      case 'agenda':
      case 'privatePart':
        if (this.handlers.onRoomChange) this.handlers.onRoomChange(message);
        break;
      case 'presence':
        // One person joined, moved or left: the rest of the room is as it was.
        if (this.handlers.onPresence) this.handlers.onPresence(message);
        break;
      case 'comment':
        this.handlers.onComment(message.comment);
        break;
      case 'signoff':
        if (this.handlers.onSignOff) this.handlers.onSignOff(message.actions);
        break;
      case 'error':
        let refused = [];
        if (this.replica && this.replica.inFlight && message.ref === this.replica.inFlight.changeId) {
          // The server refused our change: drop it, and come back for the plan as it really is
          // (edits made since are applied again on top of it). The page is told which fields it
          // touched, so the reason shows beside them.
          refused = this.replica.inFlight.ops;
          this.replica.inFlight = null;
          this.freshPlan = true;
          if (this.socket) this.socket.close();
        }
        this.handlers.onError(message, refused);
        break;
      default:
        // Voice and video (rtc.*, media) and anything newer: for whoever wants it.
        if (this.handlers.onOther) this.handlers.onOther(message);
        break;
    }
  }
}
