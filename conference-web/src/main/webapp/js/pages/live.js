// The live conference: the plan edited together, who is here and where they type, the agenda,
// raised hands, comments and private parts. Works on a 360 px phone and by keyboard.
import { api, requireCaller } from '../api.js';
import { formatDate, h, humanise, replaceChildren } from '../dom.js';
import { choose, language, t } from '../i18n.js';
import { languageSwitch, renderLayout } from '../layout.js';
import { LiveConnection } from '../live/connection.js';
import { applyRoomChange } from '../live/room.js';
import { MediaRoom } from '../live/media.js';
import { positionBetween } from '../live/plan.js';
import { TextOperation } from '../live/text-operation.js';
import english from '../texts/en.js';

/** Another's changes to one item are announced at most this often. */
const ANNOUNCE_EVERY_MS = 5000;
const STATUSES = ['PROPOSED', 'AGREED', 'IN_PROGRESS', 'DONE', 'NOT_DONE', 'DROPPED'];
const STATUS_WORDS = { PROPOSED: 'live.status.PROPOSED', AGREED: 'live.status.AGREED', IN_PROGRESS: 'live.status.IN_PROGRESS', DONE: 'live.status.DONE',
  NOT_DONE: 'live.status.NOT_DONE', DROPPED: 'live.status.DROPPED' };
const STATE_TEXT = {
  connecting: ['live.state.connecting', 'govuk-tag--grey'],
  online: ['live.state.online', 'govuk-tag--green'],
  reconnecting: ['live.state.reconnecting', 'govuk-tag--yellow'],
  offline: ['live.state.offline', 'govuk-tag--orange'],
  ended: ['live.state.ended', 'govuk-tag--red'],
};
/** The live protocol's error codes a person may meet, and what each means in the catalogue (docs/protocol.md). */
const ERROR_TEXTS = { forbidden: 'live.error.forbidden', conflict: 'live.error.conflict', invalid: 'live.error.invalid', 'unknown-id': 'live.error.unknownId',
  'text-mismatch': 'live.error.again', 'stale-base': 'live.error.again', 'future-base': 'live.error.again', 'duplicate-change': 'live.error.again',
  'rate-limited': 'live.error.rateLimited', 'server-error': 'live.error.serverError' };
const ROLE_TEXTS = { CHAIR: 'live.role.CHAIR', AGENCY_STAFF: 'live.role.AGENCY_STAFF', FAMILY_MEMBER: 'live.role.FAMILY_MEMBER',
  ADVOCATE: 'live.role.ADVOCATE', OBSERVER: 'live.role.OBSERVER' };
/** The server writes why a signature was voided in English, always in these words (PlanStore). */
const VOIDED_BY = /^Changed by (.+) after it was signed$/;

export async function render(main, { id }) {
  const caller = await requireCaller();
  const conference = await api.get(`/conferences/${id}`);
  const family = await api.get(`/families/${conference.familyId}`);
  // The header has no language switch here: the meeting bar must stay within a few tab stops of the top. The room's own
  // switch is at its end, and changes the words in place, so nobody leaves the meeting or loses what they typed.
  const drawLayout = () => renderLayout({ title: t('live.title', { family: conference.familyName }), caller, languageSwitch: false });
  drawLayout();

  const owners = [
    ...family.involvements.filter((i) => i.active).map((i) => ({ value: `AGENCY:${i.agencyId}`, label: i.agencyName })),
    ...family.members.map((m) => ({ value: `FAMILY_MEMBER:${m.id}`, label: m.fullName })),
  ];
  let room = { participants: [], hands: [], agendaItemId: null, privatePart: null };
  let you = null;
  // The family does not share the whole plan with the caller's agency: only its own actions are here (protocol 1.3).
  let onlyOwnActions = false;
  const comments = [];
  // Sign-off of each action in this conference: the room sends it whole whenever it changes.
  const signOffs = new Map();
  // Someone kept out of a running private part may not read the sign-off (it speaks of the plan): the room still opens,
  // says calmly that a private part is on, and fills in when it ends (the room sends the sign-off whenever it changes).
  const signOff = await api.get(`/conferences/${id}/sign-off`).catch((error) => {
    if (error.status === 403) return { actions: [] };
    throw error;
  });
  signOff.actions.forEach((a) => signOffs.set(a.actionId, a));

  const status = h('strong', { class: 'govuk-tag govuk-tag--grey', id: 'connection-state' }, t('live.state.connecting'));
  let connectionState = ['connecting', {}];
  const notice = h('div', { id: 'live-notice', 'aria-live': 'polite' });
  // Others' changes, summarised for screen readers: one polite region, at most one line per item every few seconds.
  const announcer = h('div', { id: 'live-announcer', class: 'govuk-visually-hidden', 'aria-live': 'polite' });
  const planArea = h('div', { id: 'live-plan' });
  const side = h('div', { id: 'live-side' });
  // Voice and video, and the other ways in: self-contained blocks with stable ids (media.js draws them).
  const mediaBar = h('div', { id: 'rt-media-bar' });
  const videoTiles = h('div', { id: 'rt-video-tiles', class: 'app-video-tiles' });
  // The meeting bar stays at the top of a phone's screen: the agenda item now, the hand, the call, who is here.
  const handButton = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-right-2 govuk-!-margin-bottom-2', id: 'hand' }, t('live.hand.raise'));
  handButton.addEventListener('click', () => connection.send({ type: myHandIsUp() ? 'lowerHand' : 'raiseHand' }));
  const nowLine = h('p', { class: 'govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2', id: 'live-now' });
  const barPeople = h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1', id: 'live-bar-people' });
  const backLink = h('a', { class: 'govuk-link', href: `/conferences/${id}`, id: 'back-to-conference' }, t('live.backToConference'));
  // Only what is needed while the plan scrolls stays on a phone's screen: the item now, the hand and the call.
  // Who is here and the connection come straight after it, and scroll away (the bar fits in about an eighth of the screen).
  const bar = h('section', { class: 'app-meeting-bar', id: 'live-bar', 'aria-label': t('live.bar') },
    nowLine,
    h('div', { class: 'app-meeting-bar__controls' }, handButton, mediaBar));
  const barAfter = h('div', { class: 'app-meeting-bar__after', id: 'live-bar-after' },
    barPeople,
    h('p', { class: 'govuk-body-s govuk-!-margin-bottom-2', 'aria-live': 'polite' }, status, ' ', backLink));
  const heading = h('h1', { class: 'govuk-heading-l' }, t('live.heading'));
  // The room's own language switch, after everything else in tab order (see drawLayout).
  const roomFooter = h('div', { class: 'app-room-footer', id: 'live-language' });
  let ways = waysIn(conference);
  replaceChildren(main,
    h('span', { class: 'govuk-caption-l' }, conference.familyName),
    heading,
    bar,
    barAfter,
    notice,
    announcer,
    videoTiles,
    ways,
    h('div', { class: 'govuk-grid-row' },
      h('div', { class: 'govuk-grid-column-two-thirds' }, planArea),
      h('div', { class: 'govuk-grid-column-one-third' }, side)),
    roomFooter);
  // What scrolls into view (a focused field) is not hidden under the sticky bar.
  new ResizeObserver(() => document.documentElement.style.setProperty('--app-bar-height', `${bar.offsetHeight + 10}px`)).observe(bar);

  // Which fields have their "Change" form open, refusals shown beside their field, and when each item was last announced.
  const open = new Set();
  const errors = new Map();
  const announcedAt = new Map();

  const connection = new LiveConnection(id, {
    onState(state, detail) {
      connectionState = [state, detail || {}];
      showState();
    },
    onWelcome(message) {
      media.welcomed(message);
      you = message.you;
      room = message.room;
      onlyOwnActions = Boolean(message.onlyOwnActions);
      comments.splice(0, comments.length, ...message.comments);
      renderAll();
    },
    onPlanReplaced(message) {
      // After a change of what the family shares: the plan and the comments as they may be seen now.
      if (message && typeof message.onlyOwnActions === 'boolean') onlyOwnActions = message.onlyOwnActions;
      if (message && message.comments) comments.splice(0, comments.length, ...message.comments);
      renderPlan();
    },
    onApplied(ops, message) {
      applyToPage(ops);
      announce(ops, message && message.author);
    },
    onPresence(message) {
      if (!message.participant) media.left(message.connectionId);
      const others = room.participants.filter((p) => p.connectionId !== message.connectionId);
      if (message.participant) others.push(message.participant);
      others.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      room = { ...room, participants: others };
      renderSide();
      renderPresence();
    },
    onRoom(message) {
      room = message;
      renderSide();
      renderPresence();
      if (isExcluded() !== planArea.hasAttribute('data-excluded')) renderPlan();
    },
    onRoomChange(message) {
      room = applyRoomChange(room, message);
      renderSide();
      renderPresence();
      if (isExcluded() !== planArea.hasAttribute('data-excluded')) renderPlan();
    },
    onSignOff(actions) {
      signOffs.clear();
      actions.forEach((a) => signOffs.set(a.actionId, a));
      planArea.querySelectorAll('[data-sign-off]').forEach(renderSignOff);
    },
    onComment(comment) {
      comments.push(comment);
      renderComments(comment.nodeId);
    },
    onOther(message) {
      media.handle(message);
    },
    onError(message, refused) {
      // A refused change to the plan: its reason beside each field it touched, where the person is looking.
      const rows = [...new Set((refused || []).filter((op) => op.field).map((op) => `${op.id}:${op.field}`))]
        .filter((key) => planArea.querySelector(`[data-row="${CSS.escape(key)}"]`));
      if (rows.length) {
        rows.forEach((key) => errors.set(key, () => serverMessage(message)));
        renderPlan();
        say(t('live.notSaved', { item: itemName(rows[0].split(':')[0]), reason: serverMessage(message) }));
        return;
      }
      replaceChildren(notice, h('div', { class: 'govuk-error-summary', tabindex: '-1' },
        h('h2', { class: 'govuk-error-summary__title' }, t('live.didNotWork')),
        h('p', { class: 'govuk-body' }, serverMessage(message))));
    },
  }, caller.id);
  const media = new MediaRoom(connection, { conferenceId: id, bar: mediaBar, tiles: videoTiles, nameOf: (participantId) => nameOf(participantId) });
  // What the call says ("You are in the call.") goes under the bar, moved once before it says anything, so the bar stays short.
  barPeople.before(media.status);
  // For the browser tests: what flows over the call (bytes by kind), read with getStats().
  window.roundtableCallStats = () => media.stats();
  connection.connect();

  drawLanguageSwitch();

  /** The connection's state in the bar, in the page's language. */
  function showState() {
    const [state, detail] = connectionState;
    const [key, colour] = STATE_TEXT[state];
    status.className = `govuk-tag ${colour}`;
    status.textContent = state === 'ended' ? t('live.state.endedBecause', { reason: t(ENDED_TEXTS[detail.reason] || 'live.ended.reload') }) : t(key);
  }

  /** The Cymraeg/English switch at the room's end: the person's choice is stored, then every word is drawn again in place. */
  function drawLanguageSwitch() {
    replaceChildren(roomFooter, h('div', { class: 'govuk-body' }, languageSwitch(caller, {
      inPlace(lang) {
        choose(lang);
        redrawWords();
        document.getElementById('language-switch')?.focus();
      },
      failed(error) {
        // The room stays as it is: only the choice was not stored.
        replaceChildren(notice, h('div', { class: 'govuk-error-summary', tabindex: '-1' },
          h('h2', { class: 'govuk-error-summary__title' }, t('live.didNotWork')),
          h('p', { class: 'govuk-body' }, error.message)));
      },
    })));
  }

  /** Every word on the page in the new language; the connection, the call, open forms and what was typed stay as they are. */
  function redrawWords() {
    drawLayout();
    heading.textContent = t('live.heading');
    bar.setAttribute('aria-label', t('live.bar'));
    backLink.textContent = t('live.backToConference');
    const newWays = waysIn(conference);
    if (ways && newWays) {
      newWays.open = ways.open;
      ways.replaceWith(newWays);
    }
    ways = newWays;
    if (notice.firstChild) replaceChildren(notice);
    showState();
    media.redrawWords();
    renderAll();
    drawLanguageSwitch();
  }

  /** The server's message in English; in Welsh, what its code means (the server writes English only). */
  function serverMessage(message) {
    if (language() === 'en') return message.message;
    return t(ERROR_TEXTS[message.code] || 'live.error.other');
  }

  const isChair = () => you && you.role === 'CHAIR';
  const isExcluded = () => Boolean(room.privatePart && room.privatePart.youAreExcluded);
  const myHandIsUp = () => Boolean(you && room.hands.includes(you.participantId));
  const doc = () => connection.replica.document;

  function renderAll() {
    renderPlan();
    renderSide();
  }

  /**
   * Redraws a part of the page without moving the person: the focused element (by id) keeps
   * focus and its caret, what they typed but have not saved stays, open comments stay open.
   */
  function keepingFocus(container, draw) {
    const active = document.activeElement;
    const focused = active && active.id && container.contains(active) ? { id: active.id, start: caret(active, 'selectionStart'), end: caret(active, 'selectionEnd') } : null;
    // A ticked box is kept as ticked, anything else by its value.
    const drafts = [...container.querySelectorAll('[data-keep]')].map((el) => [el.id, el.type === 'checkbox' ? el.checked : el.value]);
    const opened = [...container.querySelectorAll('details[open][id]')].map((d) => d.id);
    draw();
    for (const [elementId, value] of drafts) {
      const el = document.getElementById(elementId);
      if (el && container.contains(el)) el[el.type === 'checkbox' ? 'checked' : 'value'] = value;
    }
    opened.forEach((detailsId) => { const d = document.getElementById(detailsId); if (d) d.open = true; });
    if (!focused) return;
    const el = document.getElementById(focused.id);
    if (!el || el === document.activeElement) return;
    el.focus({ preventScroll: true });
    if (focused.start !== null && el.setSelectionRange) el.setSelectionRange(focused.start, focused.end);
  }

  function caret(el, which) {
    try {
      return typeof el[which] === 'number' ? el[which] : null;
    } catch (e) {
      return null;
    }
  }

  // ---- who may change what (the server decides; this only draws it) --------------------

  function agencyName(owner) {
    const known = owners.find((o) => o.value === owner);
    return known ? known.label : t('live.theOwningAgency');
  }

  /** Why this person may not change this field, or null: the same rules as PlanEditPolicy on the server. */
  function refusalFor(node, field) {
    if (node.kind !== 'ACTION') return null;
    const owner = node.fields.OWNER;
    if (!owner || !owner.startsWith('AGENCY:')) return null;
    const agency = agencyName(owner);
    const ask = t('live.howToAsk');
    const proposed = (node.fields.STATUS || 'PROPOSED') === 'PROPOSED';
    if (caller.kind !== 'STAFF') {
      if (!proposed) return t('live.onlyAgencyChanges', { agency, ask });
      return field === 'STATUS' ? t('live.onlyAgencyAgrees', { agency, ask }) : null;
    }
    if (field !== 'OWNER' && field !== 'STATUS') return null;
    if ((proposed && field === 'OWNER') || owner === `AGENCY:${caller.agencyId}` || isChair()) return null;
    return proposed ? t('staff.live.onlyAgencyOrChairAgrees', { agency, ask })
      : t('staff.live.onlyAgencyOrChairChanges', { agency, ask });
  }

  // ---- the plan: a summary list per goal and action, each answer changed in place -------

  function shownValue(node, field) {
    const value = node.fields[field];
    if (field === 'OWNER') return value ? (owners.find((o) => o.value === value) || { label: t('live.formerOwner') }).label : null;
    if (field === 'DUE_ON') return value ? formatDate(value) : null;
    if (field === 'STATUS') return STATUS_WORDS[value || 'PROPOSED'] ? t(STATUS_WORDS[value || 'PROPOSED']) : humanise(value);
    return value && value.trim() ? value : null;
  }

  const EMPTY = { TITLE: 'live.empty.TITLE', DESCRIPTION: 'live.empty.DESCRIPTION', OWNER: 'live.empty.OWNER', DUE_ON: 'live.empty.DUE_ON' };

  function fillValue(element, node, field) {
    const shown = shownValue(node, field);
    element.textContent = shown === null ? t(EMPTY[field]) : shown;
    element.className = `app-field-text${shown === null ? ' app-muted' : ''}`;
    return element;
  }

  function errorMessage(key, message) {
    return h('p', { class: 'govuk-error-message', id: `error-${key.replace(':', '-')}` },
      h('span', { class: 'govuk-visually-hidden' }, t('form.errorPrefix')), message);
  }

  function row(node, field, label, context) {
    const key = `${node.id}:${field}`;
    const refusal = refusalFor(node, field);
    const editing = !refusal && open.has(key);
    const error = errors.has(key) ? errors.get(key)() : undefined;
    const value = h('dd', { class: 'govuk-summary-list__value' },
      editing ? editor(node, field, label, error) : [
        error ? errorMessage(key, error) : null,
        fillValue(h('span', { 'data-value-for': key }), node, field),
      ],
      h('p', { class: 'govuk-body-s app-presence govuk-!-margin-top-1 govuk-!-margin-bottom-0', 'data-presence-for': key }));
    let actions = null;
    if (!refusal && !editing) {
      const change = h('a', { class: 'govuk-link', href: `#f-${node.id}-${field}`, id: `change-${node.id}-${field}` },
        t('live.change'), h('span', { class: 'govuk-visually-hidden' }, ` ${label.toLowerCase()}, ${context}`));
      change.addEventListener('click', (event) => {
        event.preventDefault();
        open.add(key);
        renderPlan();
        (document.getElementById(`f-${node.id}-${field}`) || document.getElementById(`f-${node.id}-${field}-day`))?.focus();
      });
      actions = h('dd', { class: 'govuk-summary-list__actions' }, change);
    }
    return h('div', { class: `govuk-summary-list__row${actions ? '' : ' govuk-summary-list__row--no-actions'}`, 'data-row': key },
      h('dt', { class: 'govuk-summary-list__key' }, label), value, actions);
  }

  /** Closes a field's form and puts focus back on its "Change" link. */
  function closeEditor(node, field) {
    open.delete(`${node.id}:${field}`);
    renderPlan();
    document.getElementById(`change-${node.id}-${field}`)?.focus();
  }

  function clearError(key) {
    if (errors.delete(key)) renderPlan();
  }

  function editor(node, field, label, error) {
    if (field === 'TITLE' || field === 'DESCRIPTION') return textEditor(node, field, label, error);
    if (field === 'DUE_ON') return dateEditor(node, label, error);
    const options = field === 'OWNER' ? [{ value: '', label: t('live.empty.OWNER') }, ...owners] : STATUSES.map((s) => ({ value: s, label: t(STATUS_WORDS[s]) }));
    const inputId = `f-${node.id}-${field}`;
    const current = node.fields[field] || (field === 'STATUS' ? 'PROPOSED' : '');
    const select = h('select', { class: 'govuk-select', id: inputId, name: inputId, 'data-node': node.id, 'data-field': field, 'data-keep': true,
      'aria-describedby': error ? `error-${node.id}-${field}` : undefined },
    options.map((o) => h('option', { value: o.value, selected: o.value === current }, o.label)));
    return editorForm(node, field, h('div', { class: `govuk-form-group${error ? ' govuk-form-group--error' : ''} govuk-!-margin-bottom-3` },
      h('label', { class: 'govuk-label govuk-visually-hidden', for: inputId }, label),
      error ? errorMessage(`${node.id}:${field}`, error) : null, select), () => {
      errors.delete(`${node.id}:${field}`);
      if ((select.value || null) !== (node.fields[field] || null)) connection.edit({ op: 'set', id: node.id, field, value: select.value || null });
      return true;
    });
  }

  /** Text is typed live (everyone sees each word as it comes, through the live protocol); "Done" closes it. */
  function textEditor(node, field, label, error) {
    const key = `${node.id}:${field}`;
    const multiline = field === 'DESCRIPTION';
    const inputId = `f-${node.id}-${field}`;
    const input = h(multiline ? 'textarea' : 'input', {
      class: `${multiline ? 'govuk-textarea' : 'govuk-input'}${error ? (multiline ? ' govuk-textarea--error' : ' govuk-input--error') : ''}`,
      id: inputId, name: inputId, rows: multiline ? 3 : undefined, type: multiline ? undefined : 'text',
      'data-node': node.id, 'data-field': field, spellcheck: 'true', 'aria-describedby': `${inputId}-hint${error ? ` error-${node.id}-${field}` : ''}`,
    });
    input.value = doc().get(node.id, field);
    input.addEventListener('input', () => {
      const before = doc().get(node.id, field);
      if (before !== input.value) connection.edit({ op: 'edit', id: node.id, field, text: TextOperation.diff(before, input.value) });
      clearError(key);
    });
    input.addEventListener('focus', () => connection.send({ type: 'presence', editing: { id: node.id, field } }));
    input.addEventListener('blur', () => connection.send({ type: 'presence', editing: null }));
    return editorForm(node, field, h('div', { class: `govuk-form-group${error ? ' govuk-form-group--error' : ''} govuk-!-margin-bottom-3` },
      h('label', { class: 'govuk-label govuk-visually-hidden', for: inputId }, label),
      h('div', { class: 'govuk-hint govuk-!-font-size-16', id: `${inputId}-hint` }, t('live.savedAsYouType')),
      error ? errorMessage(key, error) : null, input), null);
  }

  /** The GOV.UK date input: day, month and year, checked here before anything is sent. */
  function dateEditor(node, label, error) {
    const base = `f-${node.id}-DUE_ON`;
    const [year, month, day] = (node.fields.DUE_ON || '').split('-');
    const parts = {};
    const part = (name, text, value, width) => {
      parts[name] = h('input', { class: `govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`,
        id: `${base}-${name}`, name: `${base}-${name}`, type: 'text', inputmode: 'numeric', 'data-keep': true, value: value ? String(Number(value)) : '' });
      return h('div', { class: 'govuk-date-input__item' }, h('div', { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label govuk-date-input__label', for: `${base}-${name}` }, text), parts[name]));
    };
    const group = h('div', { class: `govuk-form-group${error ? ' govuk-form-group--error' : ''} govuk-!-margin-bottom-3` },
      h('fieldset', { class: 'govuk-fieldset', role: 'group', 'aria-describedby': `${base}-hint${error ? ` error-${node.id}-DUE_ON` : ''}` },
        h('legend', { class: 'govuk-fieldset__legend govuk-visually-hidden' }, label),
        h('div', { class: 'govuk-hint', id: `${base}-hint` }, t('live.dateHint')),
        error ? errorMessage(`${node.id}:DUE_ON`, error) : null,
        h('div', { class: 'govuk-date-input', id: base }, part('day', t('form.day'), day, 2), part('month', t('form.month'), month, 2), part('year', t('form.year'), year, 4))));
    return editorForm(node, 'DUE_ON', group, () => {
      const typed = { day: parts.day.value.trim(), month: parts.month.value.trim(), year: parts.year.value.trim() };
      const problem = dateProblem(typed);
      if (problem) {
        errors.set(`${node.id}:DUE_ON`, () => dateProblemText(problem));
        renderPlan();
        say(dateProblemText(problem));
        return false;
      }
      errors.delete(`${node.id}:DUE_ON`);
      const iso = typed.year ? `${typed.year}-${typed.month.padStart(2, '0')}-${typed.day.padStart(2, '0')}` : null;
      if (iso !== (node.fields.DUE_ON || null)) connection.edit({ op: 'set', id: node.id, field: 'DUE_ON', value: iso });
      return true;
    });
  }

  /** A small form around one field: Save and Cancel (or just Done for text typed live). */
  function editorForm(node, field, body, save) {
    const form = h('form', { class: 'app-inline-editor', novalidate: true, id: `editor-${node.id}-${field}` }, body,
      h('div', { class: 'govuk-button-group govuk-!-margin-bottom-0' },
        h('button', { type: 'submit', class: 'govuk-button govuk-!-margin-bottom-0', id: `save-${node.id}-${field}` }, save ? t('live.save') : t('live.done')),
        save ? h('a', { class: 'govuk-link', href: `#change-${node.id}-${field}`, id: `cancel-${node.id}-${field}`, onclick: (event) => {
          event.preventDefault();
          errors.delete(`${node.id}:${field}`);
          closeEditor(node, field);
        } }, t('live.cancel')) : null));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!save || save()) closeEditor(node, field);
    });
    return form;
  }

  function actionCard(action, number, goalNumber) {
    const id = action.id;
    const context = t('live.actionOfGoal', { number, goal: goalNumber });
    // What this person may not change, and why: said once, above the answers it is about.
    const reasons = [...new Set(['DESCRIPTION', 'OWNER', 'DUE_ON', 'STATUS'].map((f) => refusalFor(action, f)).filter(Boolean))];
    return h('div', { class: 'app-card', 'data-action': id },
      h('h4', { class: 'govuk-heading-s' }, t('live.action', { number })),
      reasons.length ? h('div', { class: 'govuk-inset-text govuk-!-margin-top-0 govuk-!-margin-bottom-3', id: `why-${id}` }, reasons.join(' ')) : null,
      h('dl', { class: 'govuk-summary-list govuk-!-margin-bottom-3' },
        row(action, 'DESCRIPTION', t('live.field.whatWillBeDone'), context),
        onlyOwnActions ? null : row(action, 'OWNER', t('live.field.whoWillDoIt'), context),
        row(action, 'DUE_ON', t('live.field.doItBy'), context),
        row(action, 'STATUS', t('live.field.whereItIs'), context)),
      renderSignOff(h('p', { class: 'govuk-body-s app-sign-off-state', 'data-sign-off': id })),
      commentsFor(id));
  }

  /** "Signed by …", "Needs signing again" or "Not signed yet"; signing itself is on the conference page. */
  function renderSignOff(element) {
    const state = signOffs.get(element.getAttribute('data-sign-off'));
    if (!state || state.state === 'UNSIGNED') {
      replaceChildren(element, h('strong', { class: 'govuk-tag govuk-tag--grey' }, t('signOff.notYet')));
    } else if (state.state === 'SIGNED') {
      replaceChildren(element, h('strong', { class: 'govuk-tag govuk-tag--green' }, t('signOff.signed')), ' ', t('live.signedBy', { name: state.signedBy }));
    } else {
      replaceChildren(element, h('strong', { class: 'govuk-tag govuk-tag--orange' }, t('signOff.again')), ' ', voidedText(state.voidReason));
    }
    return element;
  }

  function goalSection(goal, number) {
    const actions = doc().actionsOf(goal.id);
    if (onlyOwnActions) {
      // Only where the goal sits is shared, not its words: its heading and the agency's actions under it.
      return h('section', { class: 'app-plan-goal', 'data-goal': goal.id, 'aria-labelledby': `goal-heading-${goal.id}` },
        h('h3', { class: 'govuk-heading-m', id: `goal-heading-${goal.id}` }, t('live.goal', { number })),
        actions.map((a, i) => actionCard(a, i + 1, number)));
    }
    const add = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-add-action': goal.id, id: `add-action-${goal.id}` }, t('live.addAction'));
    add.addEventListener('click', () => {
      const last = actions.length ? actions[actions.length - 1].fields.POSITION : null;
      const actionId = crypto.randomUUID();
      connection.edit({ op: 'createAction', id: actionId, goalId: goal.id, position: positionBetween(last, null), description: '' });
      open.add(`${actionId}:DESCRIPTION`);
      renderPlan();
      document.getElementById(`f-${actionId}-DESCRIPTION`)?.focus();
    });
    const context = t('live.goalContext', { number });
    return h('section', { class: 'app-plan-goal', 'data-goal': goal.id, 'aria-labelledby': `goal-heading-${goal.id}` },
      h('h3', { class: 'govuk-heading-m', id: `goal-heading-${goal.id}` }, t('live.goal', { number })),
      h('dl', { class: 'govuk-summary-list govuk-!-margin-bottom-3' },
        row(goal, 'TITLE', t('live.field.whatNeedsToChange'), context),
        row(goal, 'DESCRIPTION', t('live.field.moreAboutIt'), context)),
      commentsFor(goal.id),
      actions.map((a, i) => actionCard(a, i + 1, number)),
      add);
  }

  function renderPlan() {
    if (!connection.replica && !isExcluded()) return;
    if (isExcluded()) {
      planArea.setAttribute('data-excluded', '');
      replaceChildren(planArea, h('div', { class: 'govuk-inset-text', id: 'private-notice' },
        t('live.privateNotice')));
      return;
    }
    planArea.removeAttribute('data-excluded');
    keepingFocus(planArea, () => {
      const goals = doc().goals();
      const addGoal = h('button', { type: 'button', class: 'govuk-button', id: 'add-goal' }, t('live.addGoal'));
      addGoal.addEventListener('click', () => {
        const last = goals.length ? goals[goals.length - 1].fields.POSITION : null;
        const goalId = crypto.randomUUID();
        connection.edit({ op: 'createGoal', id: goalId, position: positionBetween(last, null), title: '' });
        open.add(`${goalId}:TITLE`);
        renderPlan();
        document.getElementById(`f-${goalId}-TITLE`)?.focus();
      });
      replaceChildren(planArea, h('h2', { class: 'govuk-heading-l' }, t('live.plan')),
        onlyOwnActions ? h('div', { class: 'govuk-inset-text', id: 'only-own-actions' }, t('staff.live.onlyOwnActions')) : null,
        goals.length ? h('p', { class: 'govuk-body' }, t('live.howToChange')) : null,
        goals.length ? goals.map((g, i) => goalSection(g, i + 1))
          : h('p', { class: 'govuk-body' }, onlyOwnActions ? t('staff.live.noOwnActions') : t('plan.empty')),
        onlyOwnActions ? null : addGoal);
      renderPresence();
    });
  }

  /** Others' changes: text is updated in place (keeping the caret); anything else redraws the plan, keeping focus. */
  function applyToPage(ops) {
    let redraw = false;
    for (const op of ops) {
      if (op.op !== 'edit') { redraw = true; continue; }
      const key = `${op.id}:${op.field}`;
      const el = document.getElementById(`f-${op.id}-${op.field}`);
      const shown = planArea.querySelector(`[data-value-for="${CSS.escape(key)}"]`);
      if (!el && !shown) { redraw = true; continue; }
      if (shown) fillValue(shown, doc().nodes.get(op.id), op.field);
      if (!el) continue;
      const focused = document.activeElement === el;
      const start = el.selectionStart;
      const end = el.selectionEnd;
      el.value = doc().get(op.id, op.field);
      if (focused && start !== null) el.setSelectionRange(op.text.transformPosition(start), op.text.transformPosition(end));
    }
    if (redraw) renderPlan();
  }

  /** "Goal 'Walk to school'": how an item is named when its change is announced. */
  function itemName(nodeId) {
    const node = doc().nodes.get(nodeId);
    if (!node) return t('live.anItem');
    const text = (node.kind === 'GOAL' ? node.fields.TITLE : node.fields.DESCRIPTION) || '';
    const short = text.trim().length > 60 ? `${text.trim().slice(0, 57)}…` : text.trim();
    return short ? `'${short}'` : t(node.kind === 'GOAL' ? 'live.aNewGoal' : 'live.aNewAction');
  }

  /** At most one line per item every few seconds: typing is not read out keystroke by keystroke. */
  function announce(ops, author) {
    if (!author || !ops.length) return;
    const now = Date.now();
    for (const nodeId of new Set(ops.map((op) => op.id))) {
      if (now - (announcedAt.get(nodeId) ?? -Infinity) < ANNOUNCE_EVERY_MS) continue;
      announcedAt.set(nodeId, now);
      const created = ops.find((op) => op.id === nodeId && (op.op === 'createGoal' || op.op === 'createAction'));
      say(created ? t(created.op === 'createGoal' ? 'live.addedGoal' : 'live.addedAction', { name: author }) : t('live.changed', { name: author, item: itemName(nodeId) }));
    }
  }

  function say(text) {
    announcer.append(h('p', {}, text));
    while (announcer.children.length > 3) announcer.firstChild.remove();
  }

  function renderPresence() {
    document.querySelectorAll('[data-presence-for]').forEach((p) => { p.textContent = ''; });
    for (const person of room.participants) {
      if (!person.editing || (you && person.participantId === you.participantId)) continue;
      const marker = document.querySelector(`[data-presence-for="${CSS.escape(`${person.editing.id}:${person.editing.field}`)}"]`);
      const typing = t('live.typingHere', { name: person.name });
      if (marker) marker.textContent = marker.textContent ? `${marker.textContent}, ${typing}` : typing;
    }
  }

  // ---- comments --------------------------------------------------------------------------

  function commentsFor(nodeId) {
    const list = h('ul', { class: 'govuk-list', 'data-comments-for': nodeId });
    fillComments(list, nodeId);
    const inputId = `comment-${nodeId}`;
    const input = h('input', { class: 'govuk-input', id: inputId, name: inputId, type: 'text', 'data-keep': true });
    const form = h('form', { class: 'app-comment-form', novalidate: true },
      h('div', { class: 'govuk-form-group govuk-!-margin-bottom-2' }, h('label', { class: 'govuk-label govuk-label--s', for: inputId }, t('live.addComment')), input),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0' }, t('live.postComment')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.value.trim() && connection.send({ type: 'comment', id: nodeId, text: input.value.trim() })) input.value = '';
    });
    return h('details', { class: 'govuk-details govuk-!-margin-bottom-3', id: `comments-${nodeId}` },
      h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, t('live.comments'))),
      h('div', { class: 'govuk-details__text' }, list, form));
  }

  function fillComments(list, nodeId) {
    replaceChildren(list, comments.filter((c) => c.nodeId === nodeId).map((c) => h('li', {},
      h('span', { class: 'govuk-!-font-weight-bold' }, c.author), c.private ? ` (${t('live.inPrivatePart')})` : '', `: ${c.text}`)));
  }

  function renderComments(nodeId) {
    document.querySelectorAll(`[data-comments-for="${nodeId}"]`).forEach((list) => fillComments(list, nodeId));
  }

  // ---- the side: people, hands, agenda, private part ------------------------------------

  function renderSide() {
    keepingFocus(side, () => replaceChildren(side,
      privatePanel(),
      h('h2', { class: 'govuk-heading-m' }, t('conference.agenda')),
      startAgendaButton(),
      h('ol', { class: 'govuk-list govuk-list--number', id: 'live-agenda' }, conference.agenda.map((item) => {
        const current = room.agendaItemId === item.id;
        const move = isChair() && !current ? h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0',
          'aria-label': t('staff.live.moveAgendaTo', { title: item.title }), id: `move-to-${item.id}` }, t('staff.live.moveHere')) : null;
        if (move) move.addEventListener('click', () => connection.send({ type: 'moveAgenda', itemId: item.id }));
        return h('li', { 'aria-current': current ? 'step' : undefined },
          current ? h('strong', {}, t('live.agendaNow', { title: item.title })) : item.title, ' ', move);
      })),
      h('h2', { class: 'govuk-heading-m' }, t('live.whoIsHere')),
      h('ul', { class: 'govuk-list', id: 'live-people' }, uniquePeople().map((p) => {
        const clear = isChair() && p.handRaised ? h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0',
          'aria-label': t('staff.live.lowerHandOf', { name: p.name }), id: `lower-hand-${p.participantId}` }, t('staff.live.lowerHand')) : null;
        if (clear) clear.addEventListener('click', () => connection.send({ type: 'clearHand', participantId: p.participantId }));
        return h('li', {}, p.name, ` (${ROLE_TEXTS[p.role] ? t(ROLE_TEXTS[p.role]) : humanise(p.role)})`, h('span', { 'data-speaking-for': p.participantId }),
          p.handRaised ? h('strong', { class: 'govuk-tag govuk-tag--yellow govuk-!-margin-left-1' }, t('live.handUp')) : null, ' ', clear);
      })),
      room.hands.length ? h('p', { class: 'govuk-body', id: 'hand-queue' }, t('live.handsInOrder', { names: room.hands.map(nameOf).join(', ') })) : null));
    renderBar();
    media.showSpeaking();
  }

  /** Before the agenda has started, the chair's one obvious way to start it: at its first item. */
  function startAgendaButton() {
    if (!isChair() || room.agendaItemId || !conference.agenda.length) return null;
    const start = h('button', { type: 'button', class: 'govuk-button', id: 'start-agenda' }, t('staff.live.startAgenda'));
    start.addEventListener('click', () => connection.send({ type: 'moveAgenda', itemId: conference.agenda[0].id }));
    return start;
  }

  /** The meeting bar: the item now, the hand (changed in place, so focus stays on it), who is here. */
  function renderBar() {
    const up = myHandIsUp();
    handButton.textContent = up ? t('live.hand.lower') : t('live.hand.raise');
    handButton.className = `govuk-button ${up ? 'govuk-button--warning' : 'govuk-button--secondary'} govuk-!-margin-right-2 govuk-!-margin-bottom-2`;
    const items = conference.agenda;
    const now = items.findIndex((item) => item.id === room.agendaItemId);
    replaceChildren(nowLine, now >= 0 ? [h('span', { class: 'govuk-visually-hidden' }, t('live.agendaItemNow')), t('live.itemOf', { number: now + 1, total: items.length, title: items[now].title })]
      : items.length ? t('live.agendaNotStarted') : t('live.meetingIsOn'));
    const people = uniquePeople();
    replaceChildren(barPeople, h('span', { class: 'govuk-!-font-weight-bold' }, t('live.here', { count: people.length })), ' ',
      people.flatMap((p, i) => [i ? ', ' : '', p.name, h('span', { 'data-speaking-for': p.participantId }),
        p.handRaised ? h('strong', { class: 'govuk-tag govuk-tag--yellow govuk-!-margin-left-1' }, t('live.handUp')) : null]));
  }

  function uniquePeople() {
    const seen = new Map();
    for (const p of room.participants) if (!seen.has(p.participantId)) seen.set(p.participantId, p);
    return [...seen.values()];
  }

  function nameOf(participantId) {
    const person = room.participants.find((p) => p.participantId === participantId);
    if (person) return person.name;
    const invitee = conference.invitees.find((i) => i.id === participantId);
    return invitee ? invitee.name : t('details.someone');
  }

  /**
   * A family member or advocate who stays in is sent what the family is told. The server's default
   * wording is written for those kept out ("talked without you"), so it is not shown to them.
   */
  function privateReason(reason) {
    if (reason === english['staff.live.familyTextExample']) return [t('live.privatePartRunning')];
    return [h('strong', {}, t('live.privatePart')), ' ', reason];
  }

  function privatePanel() {
    const part = room.privatePart;
    // Someone kept out is told once, where the plan was (#private-notice): not a second time here.
    if (part && part.youAreExcluded) return null;
    if (part) {
      const end = isChair() ? h('button', { type: 'button', class: 'govuk-button', id: 'end-private' }, t('staff.live.endPrivate')) : null;
      if (end) end.addEventListener('click', () => connection.send({ type: 'endPrivate' }));
      return h('div', { class: 'govuk-inset-text', id: 'private-running' },
        h('p', { class: 'govuk-body', id: 'private-told' }, ...privateReason(part.reason)),
        h('p', { class: 'govuk-body' }, t('live.notPresent', { names: part.excluded.join(', ') })), end);
    }
    if (!isChair()) return null;
    const others = conference.invitees.filter((i) => i.role !== 'CHAIR');
    // Someone joining or leaving redraws this side: what the chair has ticked and typed, and the open form, are kept (data-keep, the details' id).
    const reason = h('textarea', { class: 'govuk-textarea', id: 'private-reason', name: 'private-reason', rows: '2', 'aria-describedby': 'private-reason-hint', 'data-keep': true });
    const familyText = h('textarea', { class: 'govuk-textarea', id: 'private-family-text', name: 'private-family-text', rows: '3', 'aria-describedby': 'private-family-text-hint', 'data-keep': true });
    familyText.value = t('staff.live.familyTextExample');
    const form = h('form', { novalidate: true, id: 'private-form' },
      h('fieldset', { class: 'govuk-fieldset' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, t('staff.live.whoLeaves')),
        h('div', { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' }, others.map((i) => h('div', { class: 'govuk-checkboxes__item' },
          h('input', { class: 'govuk-checkboxes__input', type: 'checkbox', id: `exclude-${i.id}`, name: 'exclude', value: i.id, 'data-keep': true }),
          h('label', { class: 'govuk-label govuk-checkboxes__label', for: `exclude-${i.id}` }, i.name))))),
      h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'private-reason' }, t('staff.live.reason')),
        h('div', { class: 'govuk-hint', id: 'private-reason-hint' }, t('staff.live.reasonHint')), reason),
      h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'private-family-text' }, t('staff.live.familyText')),
        h('div', { class: 'govuk-hint', id: 'private-family-text-hint' }, t('staff.live.familyTextHint')), familyText),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, t('staff.live.startPrivate')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const excluded = [...form.querySelectorAll('input[name=exclude]:checked')].map((c) => c.value);
      connection.send({ type: 'startPrivate', excluded, reason: reason.value, familyText: familyText.value });
    });
    return h('details', { class: 'govuk-details', id: 'private-part' },
      h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, t('staff.live.privatePart'))),
      h('div', { class: 'govuk-details__text' }, form));
  }
}

/** The conference's other ways in (from scheduling), so someone in the building or on a phone still belongs. */
function waysIn(conference) {
  const rows = [];
  if (conference.venue) rows.push([t('conference.inPerson'), conference.venue]);
  if (conference.joinLink) rows.push([t('conference.online'), h('a', { class: 'govuk-link', href: conference.joinLink, rel: 'noopener noreferrer', target: '_blank' }, conference.joinLink)]);
  if (conference.dialIn) rows.push([t('conference.byPhone'), conference.dialIn]);
  if (!rows.length) return null;
  return h('details', { class: 'govuk-details', id: 'rt-ways-in' },
    h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, t('live.otherWays'))),
    h('div', { class: 'govuk-details__text' }, h('dl', { class: 'govuk-summary-list govuk-summary-list--no-border' }, rows.map(([key, value]) =>
      h('div', { class: 'govuk-summary-list__row' }, h('dt', { class: 'govuk-summary-list__key' }, key), h('dd', { class: 'govuk-summary-list__value' }, value))))));
}

/**
 * What is wrong with a typed date, or null (all empty means no date): { missing: ['day', …] } or
 * { real: false }, written by dateProblemText in the GOV.UK date input's words.
 */
function dateProblem({ day, month, year }) {
  if (!day && !month && !year) return null;
  const missing = [['day', day], ['month', month], ['year', year]].filter(([, v]) => !v).map(([name]) => name);
  if (missing.length) return { missing };
  if (![day, month, year].every((v) => /^[0-9]+$/.test(v)) || year.length !== 4) return { real: false };
  const date = new Date(Number(year), Number(month) - 1, Number(day));
  if (date.getFullYear() !== Number(year) || date.getMonth() !== Number(month) - 1 || date.getDate() !== Number(day)) return { real: false };
  return null;
}

const DATE_PARTS = { day: 'live.date.day', month: 'live.date.month', year: 'live.date.year' };

/** "Do it by must include a day and year", in the page's language (written when shown, so a change of language reaches it). */
function dateProblemText(problem) {
  if (!problem.missing) return t('live.date.real');
  return t('live.date.mustInclude', { parts: problem.missing.map((part) => t(DATE_PARTS[part])).join(t('live.date.and')) });
}

/** Why the room closed, from the close code's reason (connection.js). */
const ENDED_TEXTS = { 'signed-out': 'live.ended.signedOut', 'no-access': 'live.ended.noAccess', closed: 'live.ended.closed', unsupported: 'live.ended.reload' };

/** Why a signature no longer holds: the server's English sentence, in the page's language when it is the usual one. */
function voidedText(reason) {
  if (!reason) return t('signOff.changed');
  const voided = VOIDED_BY.exec(reason);
  return voided ? t('live.voidedBy', { name: voided[1] }) : reason;
}
