// Text edits as steps over the old text, merged when two people type at once. The same rules as
// shared-model's TextOperation (Java), so browser and server agree on every character: a positive
// number keeps that many characters, a string inserts it, a negative number deletes that many.

export class TextOperation {
  constructor(steps = []) {
    this.steps = [];
    for (const s of steps) this.push(s);
  }

  static fromJson(steps) {
    return new TextOperation(steps);
  }

  toJson() {
    return this.steps.slice();
  }

  push(step) {
    if (typeof step === 'string') return this.insert(step);
    if (step > 0) return this.retain(step);
    if (step < 0) return this.delete(-step);
    throw new Error('0 is not a step');
  }

  retain(n) {
    if (n <= 0) return this;
    const last = this.steps[this.steps.length - 1];
    if (typeof last === 'number' && last > 0) this.steps[this.steps.length - 1] = last + n;
    else this.steps.push(n);
    return this;
  }

  insert(s) {
    if (!s) return this;
    const n = this.steps.length;
    const last = this.steps[n - 1];
    if (typeof last === 'string') this.steps[n - 1] = last + s;
    else if (typeof last === 'number' && last < 0) {
      // Inserts come before deletes, so equal edits have one spelling.
      if (typeof this.steps[n - 2] === 'string') this.steps[n - 2] += s;
      else this.steps.splice(n - 1, 0, s);
    } else this.steps.push(s);
    return this;
  }

  delete(n) {
    if (n <= 0) return this;
    const last = this.steps[this.steps.length - 1];
    if (typeof last === 'number' && last < 0) this.steps[this.steps.length - 1] = last - n;
    else this.steps.push(-n);
    return this;
  }

  get baseLength() {
    return this.steps.reduce((sum, s) => (typeof s === 'string' ? sum : sum + Math.abs(s)), 0);
  }

  isIdentity() {
    return this.steps.every((s) => typeof s === 'number' && s > 0);
  }

  apply(text) {
    if (text.length !== this.baseLength) throw new Error(`edit for ${this.baseLength} characters, text has ${text.length}`);
    let out = '';
    let i = 0;
    for (const s of this.steps) {
      if (typeof s === 'string') out += s;
      else if (s > 0) { out += text.slice(i, i + s); i += s; } else i -= s;
    }
    return out;
  }

  /** Where a caret at this position ends up after the edit (inserts at the caret push it on). */
  transformPosition(position) {
    let i = 0;
    let moved = position;
    for (const s of this.steps) {
      if (i > position) break;
      if (typeof s === 'string') { if (i <= position) moved += s.length; } else if (s > 0) i += s;
      else { const gone = Math.min(-s, position - i); moved -= gone; i -= s; }
    }
    return Math.max(0, moved);
  }

  /**
   * [a', b'] such that a then b' equals b then a'. When both insert at one place, b's text comes
   * first: b is the edit the server already applied.
   */
  static transform(a, b) {
    const ap = new TextOperation();
    const bp = new TextOperation();
    const as = a.steps.slice();
    const bs = b.steps.slice();
    let i = 0;
    let j = 0;
    let x = as[0];
    let y = bs[0];
    while (x !== undefined || y !== undefined) {
      if (typeof y === 'string') { ap.retain(y.length); bp.insert(y); y = bs[++j]; continue; }
      if (typeof x === 'string') { ap.insert(x); bp.retain(x.length); x = as[++i]; continue; }
      if (x === undefined || y === undefined) throw new Error('edits of different lengths');
      const n = Math.min(Math.abs(x), Math.abs(y));
      if (x > 0 && y > 0) { ap.retain(n); bp.retain(n); } else if (x < 0 && y > 0) ap.delete(n);
      else if (x > 0 && y < 0) bp.delete(n);
      x = x > 0 ? x - n : x + n;
      y = y > 0 ? y - n : y + n;
      if (x === 0) x = as[++i];
      if (y === 0) y = bs[++j];
    }
    return [ap, bp];
  }

  /** The edit that turns one text into another: one replaced stretch between the common start and end. */
  static diff(before, after) {
    let start = 0;
    const max = Math.min(before.length, after.length);
    while (start < max && before[start] === after[start]) start++;
    let end = 0;
    while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
    // Never split a surrogate pair (an emoji is two UTF-16 units).
    const high = (c) => c >= 0xd800 && c <= 0xdbff;
    const low = (c) => c >= 0xdc00 && c <= 0xdfff;
    if (start > 0 && high(before.charCodeAt(start - 1))) start--;
    if (end > 0 && low(before.charCodeAt(before.length - end))) end--;
    return new TextOperation().retain(start).insert(after.slice(start, after.length - end))
      .delete(before.length - end - start).retain(end);
  }
}
