// Whether this browser's connection can carry its video. Every few seconds the call's statistics
// are looked at; a few poor looks in a row (too little room to send, or much of what is sent
// lost on the way) turn this person's video off, so their voice keeps getting through. The
// person may turn the camera on again: that is their choice, not this watch's.

/** Looks in a row (one every LOOK_EVERY_MS) that must be poor before video goes. */
export const POOR_LOOKS = 3;
export const LOOK_EVERY_MS = 5000;
/** Less room than this to send (bits a second) cannot carry video beside the voice. */
export const MIN_OUTGOING_BPS = 150_000;
/** More than this share of packets lost, as the other side reports it back. */
export const MAX_LOSS = 0.1;

/** One look over every peer connection's stats report: the least room to send, the most loss. */
export function lookAt(reports) {
  let outgoingBps = null;
  let loss = 0;
  for (const report of reports) {
    report.forEach((s) => {
      if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded' && typeof s.availableOutgoingBitrate === 'number') {
        outgoingBps = outgoingBps === null ? s.availableOutgoingBitrate : Math.min(outgoingBps, s.availableOutgoingBitrate);
      }
      if (s.type === 'remote-inbound-rtp' && typeof s.fractionLost === 'number') loss = Math.max(loss, s.fractionLost);
    });
  }
  return { outgoingBps, loss };
}

export function isPoor({ outgoingBps, loss }) {
  return (outgoingBps !== null && outgoingBps < MIN_OUTGOING_BPS) || loss > MAX_LOSS;
}

export class LinkQuality {
  constructor(looks = POOR_LOOKS) {
    this.looks = looks;
    this.poorInARow = 0;
  }

  /** Takes one look; true when video should go now (then it starts counting afresh). */
  add(look) {
    this.poorInARow = isPoor(look) ? this.poorInARow + 1 : 0;
    if (this.poorInARow < this.looks) return false;
    this.poorInARow = 0;
    return true;
  }

  reset() {
    this.poorInARow = 0;
  }
}
