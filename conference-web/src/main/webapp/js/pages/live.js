// The live conference: the plan edited together, who is here and where they type, the agenda,
// raised hands, comments and private parts. Works on a 360 px phone and by keyboard.
import { api, requireCaller } from '../api.js';
import { formatDate, h, humanise, replaceChildren } from '../dom.js';
import { renderLayout } from '../layout.js';
import { LiveConnection } from '../live/connection.js';
import { applyRoomChange } from '../live/room.js';
import { MediaRoom } from '../live/media.js';
import { positionBetween } from '../live/plan.js';
import { TextOperation } from '../live/text-operation.js';

/** Another's changes to one item are announced at most this often. */
const ANNOUNCE_EVERY_MS = 5000;
const STATUSES = ['PROPOSED', 'AGREED', 'IN_PROGRESS', 'DONE', 'NOT_DONE', 'DROPPED'];
const STATUS_WORDS = { PROPOSED: 'Suggested, not agreed yet', AGREED: 'Agreed, not started yet', IN_PROGRESS: 'Started', DONE: 'Done',
  NOT_DONE: 'Could not be done', DROPPED: 'No longer needed' };
const STATE_TEXT = {
  connecting: ['Connecting…', 'govuk-tag--grey'],
  online: ['Connected', 'govuk-tag--green'],
  reconnecting: ['Reconnecting… Your changes are kept and will be sent.', 'govuk-tag--yellow'],
  offline: ['Offline. Your changes are kept on this device and will be sent when you are back online.', 'govuk-tag--orange'],
  ended: ['Disconnected', 'govuk-tag--red'],
};

export async function render(main, { id }) {
  const caller = await requireCaller();
  const conference = await api.get(`/conferences/${id}`);
  const family = await api.get(`/families/${conference.familyId}`);
  renderLayout({ title: `Live: ${conference.familyName}`, caller, languageSwitch: false });

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

  const status = h('strong', { class: 'govuk-tag govuk-tag--grey', id: 'connection-state' }, 'Connecting…');
  const notice = h('div', { id: 'live-notice', 'aria-live': 'polite' });
  // Others' changes, summarised for screen readers: one polite region, at most one line per item every few seconds.
  const announcer = h('div', { id: 'live-announcer', class: 'govuk-visually-hidden', 'aria-live': 'polite' });
  const planArea = h('div', { id: 'live-plan' });
  const side = h('div', { id: 'live-side' });
  // Voice and video, and the other ways in: self-contained blocks with stable ids (media.js draws them).
  const mediaBar = h('div', { id: 'rt-media-bar' });
  const videoTiles = h('div', { id: 'rt-video-tiles', class: 'app-video-tiles' });
  // The meeting bar stays at the top of a phone's screen: the agenda item now, the hand, the call, who is here.
  const handButton = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-right-2 govuk-!-margin-bottom-2', id: 'hand' }, 'Raise my hand');
  handButton.addEventListener('click', () => connection.send({ type: myHandIsUp() ? 'lowerHand' : 'raiseHand' }));
  const nowLine = h('p', { class: 'govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2', id: 'live-now' });
  const barPeople = h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1', id: 'live-bar-people' });
  const bar = h('section', { class: 'app-meeting-bar', id: 'live-bar', 'aria-label': 'The meeting now' },
    nowLine,
    h('div', { class: 'app-meeting-bar__controls' }, handButton, mediaBar),
    barPeople,
    h('p', { class: 'govuk-body-s govuk-!-margin-bottom-2', 'aria-live': 'polite' }, status, ' ',
      h('a', { class: 'govuk-link', href: `/conferences/${id}`, id: 'back-to-conference' }, 'Conference page (sign-off, reports)')));
  replaceChildren(main,
    h('span', { class: 'govuk-caption-l' }, conference.familyName),
    h('h1', { class: 'govuk-heading-l' }, 'Live conference'),
    bar,
    notice,
    announcer,
    videoTiles,
    waysIn(conference),
    h('div', { class: 'govuk-grid-row' },
      h('div', { class: 'govuk-grid-column-two-thirds' }, planArea),
      h('div', { class: 'govuk-grid-column-one-third' }, side)));
  // What scrolls into view (a focused field) is not hidden under the sticky bar.
  new ResizeObserver(() => document.documentElement.style.setProperty('--app-bar-height', `${bar.offsetHeight + 10}px`)).observe(bar);

  // Which fields have their "Change" form open, refusals shown beside their field, and when each item was last announced.
  const open = new Set();
  const errors = new Map();
  const announcedAt = new Map();

  const connection = new LiveConnection(id, {
    onState(state, detail) {
      const [text, colour] = STATE_TEXT[state];
      status.className = `govuk-tag ${colour}`;
      status.textContent = state === 'ended' ? `Disconnected: ${endedText(detail.reason)}` : text;
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
        rows.forEach((key) => errors.set(key, message.message));
        renderPlan();
        say(`Your change to ${itemName(rows[0].split(':')[0])} was not saved. ${message.message}`);
        return;
      }
      replaceChildren(notice, h('div', { class: 'govuk-error-summary', tabindex: '-1' },
        h('h2', { class: 'govuk-error-summary__title' }, 'That did not work'),
        h('p', { class: 'govuk-body' }, message.message)));
    },
  }, caller.id);
  const media = new MediaRoom(connection, { conferenceId: id, bar: mediaBar, tiles: videoTiles, nameOf: (participantId) => nameOf(participantId) });
  // For the browser tests: what flows over the call (bytes by kind), read with getStats().
  window.roundtableCallStats = () => media.stats();
  connection.connect();

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
    return known ? known.label : 'the agency that owns it';
  }

  /** Why this person may not change this field, or null: the same rules as PlanEditPolicy on the server. */
  function refusalFor(node, field) {
    if (node.kind !== 'ACTION') return null;
    const owner = node.fields.OWNER;
    if (!owner || !owner.startsWith('AGENCY:')) return null;
    const agency = agencyName(owner);
    const ask = 'To ask for a change, add a comment or raise your hand.';
    const proposed = (node.fields.STATUS || 'PROPOSED') === 'PROPOSED';
    if (caller.kind !== 'STAFF') {
      if (!proposed) return `Only ${agency} can change this. ${ask}`;
      return field === 'STATUS' ? `Only ${agency} can agree to this action. ${ask}` : null;
    }
    if (field !== 'OWNER' && field !== 'STATUS') return null;
    if ((proposed && field === 'OWNER') || owner === `AGENCY:${caller.agencyId}` || isChair()) return null;
    return proposed ? `Only ${agency} or the chair can agree to this action. ${ask}`
      : `Only ${agency} or the chair can change who does this or how far it has got. ${ask}`;
  }

  // ---- the plan: a summary list per goal and action, each answer changed in place -------

  function shownValue(node, field) {
    const value = node.fields[field];
    if (field === 'OWNER') return value ? (owners.find((o) => o.value === value) || { label: 'Someone no longer working with the family' }).label : null;
    if (field === 'DUE_ON') return value ? formatDate(value) : null;
    if (field === 'STATUS') return STATUS_WORDS[value || 'PROPOSED'] || humanise(value);
    return value && value.trim() ? value : null;
  }

  const EMPTY = { TITLE: 'Not written yet', DESCRIPTION: 'Nothing yet', OWNER: 'Nobody yet', DUE_ON: 'No date' };

  function fillValue(element, node, field) {
    const shown = shownValue(node, field);
    element.textContent = shown === null ? EMPTY[field] : shown;
    element.className = `app-field-text${shown === null ? ' app-muted' : ''}`;
    return element;
  }

  function errorMessage(key, message) {
    return h('p', { class: 'govuk-error-message', id: `error-${key.replace(':', '-')}` },
      h('span', { class: 'govuk-visually-hidden' }, 'Error:'), ` ${message}`);
  }

  function row(node, field, label, context) {
    const key = `${node.id}:${field}`;
    const refusal = refusalFor(node, field);
    const editing = !refusal && open.has(key);
    const error = errors.get(key);
    const value = h('dd', { class: 'govuk-summary-list__value' },
      editing ? editor(node, field, label, error) : [
        error ? errorMessage(key, error) : null,
        fillValue(h('span', { 'data-value-for': key }), node, field),
      ],
      h('p', { class: 'govuk-body-s app-presence govuk-!-margin-top-1 govuk-!-margin-bottom-0', 'data-presence-for': key }));
    let actions = null;
    if (!refusal && !editing) {
      const change = h('a', { class: 'govuk-link', href: `#f-${node.id}-${field}`, id: `change-${node.id}-${field}` },
        'Change', h('span', { class: 'govuk-visually-hidden' }, ` ${label.toLowerCase()}, ${context}`));
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
    const options = field === 'OWNER' ? [{ value: '', label: 'Nobody yet' }, ...owners] : STATUSES.map((s) => ({ value: s, label: STATUS_WORDS[s] }));
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
      h('div', { class: 'govuk-hint govuk-!-font-size-16', id: `${inputId}-hint` }, 'Saved as you type. Everyone here sees it.'),
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
        h('div', { class: 'govuk-hint', id: `${base}-hint` }, 'For example, 27 3 2027. Leave it empty for no date.'),
        error ? errorMessage(`${node.id}:DUE_ON`, error) : null,
        h('div', { class: 'govuk-date-input', id: base }, part('day', 'Day', day, 2), part('month', 'Month', month, 2), part('year', 'Year', year, 4))));
    return editorForm(node, 'DUE_ON', group, () => {
      const typed = { day: parts.day.value.trim(), month: parts.month.value.trim(), year: parts.year.value.trim() };
      const problem = dateProblem(typed);
      if (problem) {
        errors.set(`${node.id}:DUE_ON`, problem);
        renderPlan();
        say(problem);
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
        h('button', { type: 'submit', class: 'govuk-button govuk-!-margin-bottom-0', id: `save-${node.id}-${field}` }, save ? 'Save' : 'Done'),
        save ? h('a', { class: 'govuk-link', href: `#change-${node.id}-${field}`, id: `cancel-${node.id}-${field}`, onclick: (event) => {
          event.preventDefault();
          errors.delete(`${node.id}:${field}`);
          closeEditor(node, field);
        } }, 'Cancel') : null));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!save || save()) closeEditor(node, field);
    });
    return form;
  }

  function actionCard(action, number, goalNumber) {
    const id = action.id;
    const context = `action ${number} of goal ${goalNumber}`;
    // What this person may not change, and why: said once, above the answers it is about.
    const reasons = [...new Set(['DESCRIPTION', 'OWNER', 'DUE_ON', 'STATUS'].map((f) => refusalFor(action, f)).filter(Boolean))];
    return h('div', { class: 'app-card', 'data-action': id },
      h('h4', { class: 'govuk-heading-s' }, `Action ${number}`),
      reasons.length ? h('div', { class: 'govuk-inset-text govuk-!-margin-top-0 govuk-!-margin-bottom-3', id: `why-${id}` }, reasons.join(' ')) : null,
      h('dl', { class: 'govuk-summary-list govuk-!-margin-bottom-3' },
        row(action, 'DESCRIPTION', 'What will be done', context),
        onlyOwnActions ? null : row(action, 'OWNER', 'Who will do it', context),
        row(action, 'DUE_ON', 'Do it by', context),
        row(action, 'STATUS', 'Where it is', context)),
      renderSignOff(h('p', { class: 'govuk-body-s app-sign-off-state', 'data-sign-off': id })),
      commentsFor(id));
  }

  /** "Signed by …", "Needs signing again" or "Not signed yet"; signing itself is on the conference page. */
  function renderSignOff(element) {
    const state = signOffs.get(element.getAttribute('data-sign-off'));
    if (!state || state.state === 'UNSIGNED') {
      replaceChildren(element, h('strong', { class: 'govuk-tag govuk-tag--grey' }, 'Not signed yet'));
    } else if (state.state === 'SIGNED') {
      replaceChildren(element, h('strong', { class: 'govuk-tag govuk-tag--green' }, 'Signed'), ` by ${state.signedBy}`);
    } else {
      replaceChildren(element, h('strong', { class: 'govuk-tag govuk-tag--orange' }, 'Needs signing again'),
        ` ${state.voidReason || ''}`);
    }
    return element;
  }

  function goalSection(goal, number) {
    const actions = doc().actionsOf(goal.id);
    if (onlyOwnActions) {
      // Only where the goal sits is shared, not its words: its heading and the agency's actions under it.
      return h('section', { class: 'app-plan-goal', 'data-goal': goal.id, 'aria-labelledby': `goal-heading-${goal.id}` },
        h('h3', { class: 'govuk-heading-m', id: `goal-heading-${goal.id}` }, `Goal ${number}`),
        actions.map((a, i) => actionCard(a, i + 1, number)));
    }
    const add = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-add-action': goal.id, id: `add-action-${goal.id}` }, 'Add an action');
    add.addEventListener('click', () => {
      const last = actions.length ? actions[actions.length - 1].fields.POSITION : null;
      const actionId = crypto.randomUUID();
      connection.edit({ op: 'createAction', id: actionId, goalId: goal.id, position: positionBetween(last, null), description: '' });
      open.add(`${actionId}:DESCRIPTION`);
      renderPlan();
      document.getElementById(`f-${actionId}-DESCRIPTION`)?.focus();
    });
    const context = `goal ${number}`;
    return h('section', { class: 'app-plan-goal', 'data-goal': goal.id, 'aria-labelledby': `goal-heading-${goal.id}` },
      h('h3', { class: 'govuk-heading-m', id: `goal-heading-${goal.id}` }, `Goal ${number}`),
      h('dl', { class: 'govuk-summary-list govuk-!-margin-bottom-3' },
        row(goal, 'TITLE', 'What needs to change', context),
        row(goal, 'DESCRIPTION', 'More about it', context)),
      commentsFor(goal.id),
      actions.map((a, i) => actionCard(a, i + 1, number)),
      add);
  }

  function renderPlan() {
    if (!connection.replica && !isExcluded()) return;
    if (isExcluded()) {
      planArea.setAttribute('data-excluded', '');
      replaceChildren(planArea, h('div', { class: 'govuk-inset-text', id: 'private-notice' },
        'A private part of the meeting is happening now. You will see the plan again when it ends.'));
      return;
    }
    planArea.removeAttribute('data-excluded');
    keepingFocus(planArea, () => {
      const goals = doc().goals();
      const addGoal = h('button', { type: 'button', class: 'govuk-button', id: 'add-goal' }, 'Add a goal');
      addGoal.addEventListener('click', () => {
        const last = goals.length ? goals[goals.length - 1].fields.POSITION : null;
        const goalId = crypto.randomUUID();
        connection.edit({ op: 'createGoal', id: goalId, position: positionBetween(last, null), title: '' });
        open.add(`${goalId}:TITLE`);
        renderPlan();
        document.getElementById(`f-${goalId}-TITLE`)?.focus();
      });
      replaceChildren(planArea, h('h2', { class: 'govuk-heading-l' }, 'The plan'),
        onlyOwnActions ? h('div', { class: 'govuk-inset-text', id: 'only-own-actions' },
          'The family has not shared the whole plan with your agency. You can see and change your agency\'s actions.') : null,
        goals.length ? h('p', { class: 'govuk-body' }, 'Choose “Change” to change an answer. Everyone here sees changes as they are made.') : null,
        goals.length ? goals.map((g, i) => goalSection(g, i + 1))
          : h('p', { class: 'govuk-body' }, onlyOwnActions ? 'Your agency has no actions in this plan.' : 'There is nothing in the plan yet.'),
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
    if (!node) return 'an item';
    const text = (node.kind === 'GOAL' ? node.fields.TITLE : node.fields.DESCRIPTION) || '';
    const short = text.trim().length > 60 ? `${text.trim().slice(0, 57)}…` : text.trim();
    return short ? `'${short}'` : (node.kind === 'GOAL' ? 'a new goal' : 'a new action');
  }

  /** At most one line per item every few seconds: typing is not read out keystroke by keystroke. */
  function announce(ops, author) {
    if (!author || !ops.length) return;
    const now = Date.now();
    for (const nodeId of new Set(ops.map((op) => op.id))) {
      if (now - (announcedAt.get(nodeId) ?? -Infinity) < ANNOUNCE_EVERY_MS) continue;
      announcedAt.set(nodeId, now);
      const created = ops.find((op) => op.id === nodeId && (op.op === 'createGoal' || op.op === 'createAction'));
      say(created ? `${author} added ${created.op === 'createGoal' ? 'a goal' : 'an action'}` : `${author} changed ${itemName(nodeId)}`);
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
      if (marker) marker.textContent = marker.textContent ? `${marker.textContent}, ${person.name} is typing here` : `${person.name} is typing here`;
    }
  }

  // ---- comments --------------------------------------------------------------------------

  function commentsFor(nodeId) {
    const list = h('ul', { class: 'govuk-list', 'data-comments-for': nodeId });
    fillComments(list, nodeId);
    const inputId = `comment-${nodeId}`;
    const input = h('input', { class: 'govuk-input', id: inputId, name: inputId, type: 'text', 'data-keep': true });
    const form = h('form', { class: 'app-comment-form', novalidate: true },
      h('div', { class: 'govuk-form-group govuk-!-margin-bottom-2' }, h('label', { class: 'govuk-label govuk-label--s', for: inputId }, 'Add a comment'), input),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0' }, 'Post comment'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.value.trim() && connection.send({ type: 'comment', id: nodeId, text: input.value.trim() })) input.value = '';
    });
    return h('details', { class: 'govuk-details govuk-!-margin-bottom-3', id: `comments-${nodeId}` },
      h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, 'Comments')),
      h('div', { class: 'govuk-details__text' }, list, form));
  }

  function fillComments(list, nodeId) {
    replaceChildren(list, comments.filter((c) => c.nodeId === nodeId).map((c) => h('li', {},
      h('span', { class: 'govuk-!-font-weight-bold' }, c.author), c.private ? ' (private part)' : '', `: ${c.text}`)));
  }

  function renderComments(nodeId) {
    document.querySelectorAll(`[data-comments-for="${nodeId}"]`).forEach((list) => fillComments(list, nodeId));
  }

  // ---- the side: people, hands, agenda, private part ------------------------------------

  function renderSide() {
    keepingFocus(side, () => replaceChildren(side,
      privatePanel(),
      h('h2', { class: 'govuk-heading-m' }, 'Agenda'),
      h('ol', { class: 'govuk-list govuk-list--number', id: 'live-agenda' }, conference.agenda.map((item) => {
        const current = room.agendaItemId === item.id;
        const move = isChair() && !current ? h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0',
          'aria-label': `Move the agenda to ${item.title}`, id: `move-to-${item.id}` }, 'Move here') : null;
        if (move) move.addEventListener('click', () => connection.send({ type: 'moveAgenda', itemId: item.id }));
        return h('li', { 'aria-current': current ? 'step' : undefined },
          current ? h('strong', {}, `${item.title} (now)`) : item.title, ' ', move);
      })),
      h('h2', { class: 'govuk-heading-m' }, 'Who is here'),
      h('ul', { class: 'govuk-list', id: 'live-people' }, uniquePeople().map((p) => {
        const clear = isChair() && p.handRaised ? h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0',
          'aria-label': `Lower ${p.name}'s hand`, id: `lower-hand-${p.participantId}` }, 'Lower hand') : null;
        if (clear) clear.addEventListener('click', () => connection.send({ type: 'clearHand', participantId: p.participantId }));
        return h('li', {}, p.name, ` (${humanise(p.role)})`, h('span', { 'data-speaking-for': p.participantId }), p.handRaised ? h('strong', { class: 'govuk-tag govuk-tag--yellow govuk-!-margin-left-1' }, 'Hand up') : null, ' ', clear);
      })),
      room.hands.length ? h('p', { class: 'govuk-body', id: 'hand-queue' }, `Hands up, in order: ${room.hands.map(nameOf).join(', ')}`) : null));
    renderBar();
    media.showSpeaking();
  }

  /** The meeting bar: the item now, the hand (changed in place, so focus stays on it), who is here. */
  function renderBar() {
    const up = myHandIsUp();
    handButton.textContent = up ? 'Lower my hand' : 'Raise my hand';
    handButton.className = `govuk-button ${up ? 'govuk-button--warning' : 'govuk-button--secondary'} govuk-!-margin-right-2 govuk-!-margin-bottom-2`;
    const items = conference.agenda;
    const now = items.findIndex((item) => item.id === room.agendaItemId);
    replaceChildren(nowLine, now >= 0 ? [h('span', { class: 'govuk-visually-hidden' }, 'Agenda item now: '), `${now + 1} of ${items.length}: ${items[now].title}`]
      : items.length ? 'The agenda has not started yet' : 'The meeting is on');
    const people = uniquePeople();
    replaceChildren(barPeople, h('span', { class: 'govuk-!-font-weight-bold' }, `Here (${people.length}): `),
      people.flatMap((p, i) => [i ? ', ' : '', p.name, h('span', { 'data-speaking-for': p.participantId }),
        p.handRaised ? h('strong', { class: 'govuk-tag govuk-tag--yellow govuk-!-margin-left-1' }, 'Hand up') : null]));
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
    return invitee ? invitee.name : 'Someone';
  }

  function privatePanel() {
    const part = room.privatePart;
    // Someone kept out is told once, where the plan was (#private-notice): not a second time here.
    if (part && part.youAreExcluded) return null;
    if (part) {
      const end = isChair() ? h('button', { type: 'button', class: 'govuk-button', id: 'end-private' }, 'End the private part') : null;
      if (end) end.addEventListener('click', () => connection.send({ type: 'endPrivate' }));
      return h('div', { class: 'govuk-inset-text', id: 'private-running' },
        h('p', { class: 'govuk-body' }, h('strong', {}, 'Private part: '), part.reason),
        h('p', { class: 'govuk-body' }, `Not present: ${part.excluded.join(', ')}`), end);
    }
    if (!isChair()) return null;
    const others = conference.invitees.filter((i) => i.role !== 'CHAIR');
    // Someone joining or leaving redraws this side: what the chair has ticked and typed, and the open form, are kept (data-keep, the details' id).
    const reason = h('textarea', { class: 'govuk-textarea', id: 'private-reason', name: 'private-reason', rows: '2', 'aria-describedby': 'private-reason-hint', 'data-keep': true });
    const familyText = h('textarea', { class: 'govuk-textarea', id: 'private-family-text', name: 'private-family-text', rows: '3', 'aria-describedby': 'private-family-text-hint', 'data-keep': true });
    familyText.value = 'The professionals talked without you for part of the meeting. You can ask the chair about it.';
    const form = h('form', { novalidate: true, id: 'private-form' },
      h('fieldset', { class: 'govuk-fieldset' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Who should leave for a private part?'),
        h('div', { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' }, others.map((i) => h('div', { class: 'govuk-checkboxes__item' },
          h('input', { class: 'govuk-checkboxes__input', type: 'checkbox', id: `exclude-${i.id}`, name: 'exclude', value: i.id, 'data-keep': true }),
          h('label', { class: 'govuk-label govuk-checkboxes__label', for: `exclude-${i.id}` }, i.name))))),
      h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'private-reason' }, 'The reason, for the professionals'),
        h('div', { class: 'govuk-hint', id: 'private-reason-hint' }, 'Kept in the record for the professionals who stay. The family never sees this.'), reason),
      h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'private-family-text' }, 'What the family is told'),
        h('div', { class: 'govuk-hint', id: 'private-family-text-hint' }, 'The family and their advocate see only this, in their pages, the minutes and their data download.'), familyText),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Start a private part'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const excluded = [...form.querySelectorAll('input[name=exclude]:checked')].map((c) => c.value);
      connection.send({ type: 'startPrivate', excluded, reason: reason.value, familyText: familyText.value });
    });
    return h('details', { class: 'govuk-details', id: 'private-part' },
      h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, 'Private part')),
      h('div', { class: 'govuk-details__text' }, form));
  }
}

/** The conference's other ways in (from scheduling), so someone in the building or on a phone still belongs. */
function waysIn(conference) {
  const rows = [];
  if (conference.venue) rows.push(['In person', conference.venue]);
  if (conference.joinLink) rows.push(['Online', h('a', { class: 'govuk-link', href: conference.joinLink, rel: 'noopener noreferrer', target: '_blank' }, conference.joinLink)]);
  if (conference.dialIn) rows.push(['By phone', conference.dialIn]);
  if (!rows.length) return null;
  return h('details', { class: 'govuk-details', id: 'rt-ways-in' },
    h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, 'Other ways to join this meeting')),
    h('div', { class: 'govuk-details__text' }, h('dl', { class: 'govuk-summary-list govuk-summary-list--no-border' }, rows.map(([key, value]) =>
      h('div', { class: 'govuk-summary-list__row' }, h('dt', { class: 'govuk-summary-list__key' }, key), h('dd', { class: 'govuk-summary-list__value' }, value))))));
}

/** What is wrong with a typed date, in the GOV.UK date input's words, or null (all empty means no date). */
function dateProblem({ day, month, year }) {
  if (!day && !month && !year) return null;
  const missing = [['day', day], ['month', month], ['year', year]].filter(([, v]) => !v).map(([name]) => name);
  if (missing.length) return `Do it by must include a ${missing.join(' and ')}`;
  if (![day, month, year].every((v) => /^[0-9]+$/.test(v)) || year.length !== 4) return 'Do it by must be a real date';
  const date = new Date(Number(year), Number(month) - 1, Number(day));
  if (date.getFullYear() !== Number(year) || date.getMonth() !== Number(month) - 1 || date.getDate() !== Number(day)) return 'Do it by must be a real date';
  return null;
}

function endedText(reason) {
  return {
    'signed-out': 'your session has ended. Please sign in again.',
    'no-access': 'you no longer have access to this conference.',
    closed: 'the conference has closed.',
    unsupported: 'please reload the page.',
  }[reason] || 'please reload the page.';
}
