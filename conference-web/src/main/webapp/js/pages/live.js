// The live conference: the plan edited together, who is here and where they type, the agenda,
// raised hands, comments and private parts. Works on a 360 px phone and by keyboard.
import { api, requireCaller } from '../api.js';
import { h, humanise, replaceChildren } from '../dom.js';
import { renderLayout } from '../layout.js';
import { LiveConnection } from '../live/connection.js';
import { applyRoomChange } from '../live/room.js';
import { MediaRoom } from '../live/media.js';
import { positionBetween } from '../live/plan.js';
import { TextOperation } from '../live/text-operation.js';

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
  renderLayout({ title: `Live: ${conference.familyName}`, caller });

  const owners = [
    ...family.involvements.filter((i) => i.active).map((i) => ({ value: `AGENCY:${i.agencyId}`, label: i.agencyName })),
    ...family.members.map((m) => ({ value: `FAMILY_MEMBER:${m.id}`, label: m.fullName })),
  ];
  let room = { participants: [], hands: [], agendaItemId: null, privatePart: null };
  let you = null;
  const comments = [];
  // Sign-off of each action in this conference: the room sends it whole whenever it changes.
  const signOffs = new Map();
  (await api.get(`/conferences/${id}/sign-off`)).actions.forEach((a) => signOffs.set(a.actionId, a));

  const status = h('strong', { class: 'govuk-tag govuk-tag--grey', id: 'connection-state' }, 'Connecting…');
  const notice = h('div', { id: 'live-notice', 'aria-live': 'polite' });
  const planArea = h('div', { id: 'live-plan' });
  const side = h('div', { id: 'live-side' });
  // Voice and video, and the other ways in: self-contained blocks with stable ids (media.js draws them).
  const mediaBar = h('div', { id: 'rt-media-bar' });
  const videoTiles = h('div', { id: 'rt-video-tiles', class: 'app-video-tiles' });
  replaceChildren(main,
    h('span', { class: 'govuk-caption-l' }, conference.familyName),
    h('h1', { class: 'govuk-heading-l' }, 'Live conference'),
    h('p', { class: 'govuk-body', 'aria-live': 'polite' }, status),
    notice,
    mediaBar,
    videoTiles,
    waysIn(conference),
    h('div', { class: 'govuk-grid-row' },
      h('div', { class: 'govuk-grid-column-two-thirds' }, planArea),
      h('div', { class: 'govuk-grid-column-one-third' }, side)));

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
      comments.splice(0, comments.length, ...message.comments);
      renderAll();
    },
    onPlanReplaced() {
      renderPlan();
    },
    onApplied(ops) {
      applyToPage(ops);
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
    onError(message) {
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
  const doc = () => connection.replica.document;

  function renderAll() {
    renderPlan();
    renderSide();
  }

  // ---- the plan --------------------------------------------------------------------------

  function textField(nodeId, field, label, multiline) {
    const inputId = `f-${nodeId}-${field}`;
    const attrs = {
      class: multiline ? 'govuk-textarea' : 'govuk-input', id: inputId, name: inputId, rows: multiline ? 2 : undefined,
      'data-node': nodeId, 'data-field': field, spellcheck: 'true',
    };
    const input = h(multiline ? 'textarea' : 'input', attrs);
    input.value = doc().get(nodeId, field);
    input.addEventListener('input', () => {
      const before = doc().get(nodeId, field);
      if (before !== input.value) connection.edit({ op: 'edit', id: nodeId, field, text: TextOperation.diff(before, input.value) });
    });
    input.addEventListener('focus', () => connection.send({ type: 'presence', editing: { id: nodeId, field } }));
    input.addEventListener('blur', () => connection.send({ type: 'presence', editing: null }));
    return h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: inputId }, label),
      h('p', { class: 'govuk-hint app-presence', 'data-presence-for': `${nodeId}:${field}` }),
      input);
  }

  function selectField(nodeId, field, label, options, emptyLabel) {
    const inputId = `f-${nodeId}-${field}`;
    const current = doc().get(nodeId, field);
    const select = h('select', { class: 'govuk-select', id: inputId, name: inputId, 'data-node': nodeId, 'data-field': field },
      emptyLabel ? h('option', { value: '' }, emptyLabel) : null,
      options.map((o) => h('option', { value: o.value, selected: o.value === current }, o.label)));
    select.addEventListener('change', () => connection.edit({ op: 'set', id: nodeId, field, value: select.value || null }));
    return h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: inputId }, label), select);
  }

  function dateField(nodeId) {
    const inputId = `f-${nodeId}-DUE_ON`;
    const input = h('input', { class: 'govuk-input govuk-input--width-10', type: 'date', id: inputId, name: inputId, 'data-node': nodeId, 'data-field': 'DUE_ON' });
    input.value = doc().get(nodeId, 'DUE_ON') || '';
    input.addEventListener('change', () => connection.edit({ op: 'set', id: nodeId, field: 'DUE_ON', value: input.value || null }));
    return h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: inputId }, 'Do it by'), input);
  }

  function actionCard(action, number) {
    const id = action.id;
    return h('div', { class: 'app-card', 'data-action': id },
      h('h4', { class: 'govuk-heading-s' }, `Action ${number}`),
      textField(id, 'DESCRIPTION', 'What will be done', true),
      selectField(id, 'OWNER', 'Who will do it', owners, 'Nobody yet'),
      dateField(id),
      selectField(id, 'STATUS', 'Where it is', STATUSES.map((s) => ({ value: s, label: STATUS_WORDS[s] }))),
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
    const add = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-add-action': goal.id }, 'Add an action');
    add.addEventListener('click', () => {
      const last = actions.length ? actions[actions.length - 1].fields.POSITION : null;
      const actionId = crypto.randomUUID();
      connection.edit({ op: 'createAction', id: actionId, goalId: goal.id, position: positionBetween(last, null), description: '' });
      renderPlan();
      document.getElementById(`f-${actionId}-DESCRIPTION`)?.focus();
    });
    return h('section', { class: 'app-plan-goal', 'data-goal': goal.id, 'aria-labelledby': `goal-heading-${goal.id}` },
      h('h3', { class: 'govuk-heading-m', id: `goal-heading-${goal.id}` }, `Goal ${number}`),
      textField(goal.id, 'TITLE', 'What needs to change', false),
      textField(goal.id, 'DESCRIPTION', 'More about it (optional)', true),
      commentsFor(goal.id),
      actions.map((a, i) => actionCard(a, i + 1)),
      add);
  }

  function renderPlan() {
    if (!connection.replica && !isExcluded()) return;
    const focused = document.activeElement && document.activeElement.dataset && document.activeElement.dataset.node
      ? { id: document.activeElement.id, start: document.activeElement.selectionStart, end: document.activeElement.selectionEnd } : null;
    if (isExcluded()) {
      planArea.setAttribute('data-excluded', '');
      replaceChildren(planArea, h('div', { class: 'govuk-inset-text', id: 'private-notice' },
        'A private part of the meeting is happening now. You will see the plan again when it ends.'));
      return;
    }
    planArea.removeAttribute('data-excluded');
    const goals = doc().goals();
    const addGoal = h('button', { type: 'button', class: 'govuk-button', id: 'add-goal' }, 'Add a goal');
    addGoal.addEventListener('click', () => {
      const last = goals.length ? goals[goals.length - 1].fields.POSITION : null;
      const goalId = crypto.randomUUID();
      connection.edit({ op: 'createGoal', id: goalId, position: positionBetween(last, null), title: '' });
      renderPlan();
      document.getElementById(`f-${goalId}-TITLE`)?.focus();
    });
    replaceChildren(planArea, h('h2', { class: 'govuk-heading-l' }, 'The plan'),
      goals.length ? goals.map((g, i) => goalSection(g, i + 1)) : h('p', { class: 'govuk-body' }, 'There is nothing in the plan yet.'),
      addGoal);
    renderPresence();
    if (focused) {
      const el = document.getElementById(focused.id);
      if (el) {
        el.focus();
        if (el.setSelectionRange && focused.start !== null && focused.start !== undefined) el.setSelectionRange(focused.start, focused.end);
      }
    }
  }

  /** Others' changes: text fields are updated in place (keeping the caret); anything else redraws the plan. */
  function applyToPage(ops) {
    let redraw = false;
    for (const op of ops) {
      if (op.op !== 'edit') { redraw = true; continue; }
      const el = document.getElementById(`f-${op.id}-${op.field}`);
      if (!el) { redraw = true; continue; }
      const focused = document.activeElement === el;
      const start = el.selectionStart;
      const end = el.selectionEnd;
      el.value = doc().get(op.id, op.field);
      if (focused && start !== null) el.setSelectionRange(op.text.transformPosition(start), op.text.transformPosition(end));
    }
    if (redraw) renderPlan();
  }

  function renderPresence() {
    document.querySelectorAll('[data-presence-for]').forEach((p) => { p.textContent = ''; });
    for (const person of room.participants) {
      if (!person.editing || (you && person.participantId === you.participantId)) continue;
      const marker = document.querySelector(`[data-presence-for="${person.editing.id}:${person.editing.field}"]`);
      if (marker) marker.textContent = marker.textContent ? `${marker.textContent}, ${person.name} is typing here` : `${person.name} is typing here`;
    }
  }

  // ---- comments --------------------------------------------------------------------------

  function commentsFor(nodeId) {
    const list = h('ul', { class: 'govuk-list', 'data-comments-for': nodeId });
    fillComments(list, nodeId);
    const inputId = `comment-${nodeId}`;
    const input = h('input', { class: 'govuk-input', id: inputId, name: inputId, type: 'text' });
    const form = h('form', { class: 'app-comment-form', novalidate: true },
      h('div', { class: 'govuk-form-group govuk-!-margin-bottom-2' }, h('label', { class: 'govuk-label govuk-label--s', for: inputId }, 'Add a comment'), input),
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0' }, 'Post comment'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.value.trim() && connection.send({ type: 'comment', id: nodeId, text: input.value.trim() })) input.value = '';
    });
    return h('details', { class: 'govuk-details' },
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
    const myHand = you && room.hands.includes(you.participantId);
    const hand = h('button', { type: 'button', class: `govuk-button ${myHand ? 'govuk-button--warning' : 'govuk-button--secondary'}`, id: 'hand' },
      myHand ? 'Lower my hand' : 'Raise my hand');
    hand.addEventListener('click', () => connection.send({ type: myHand ? 'lowerHand' : 'raiseHand' }));
    replaceChildren(side,
      privatePanel(),
      h('h2', { class: 'govuk-heading-m' }, 'Agenda'),
      h('ol', { class: 'govuk-list govuk-list--number', id: 'live-agenda' }, conference.agenda.map((item) => {
        const current = room.agendaItemId === item.id;
        const move = isChair() && !current ? h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0',
          'aria-label': `Move the agenda to ${item.title}` }, 'Move here') : null;
        if (move) move.addEventListener('click', () => connection.send({ type: 'moveAgenda', itemId: item.id }));
        return h('li', { 'aria-current': current ? 'step' : undefined },
          current ? h('strong', {}, `${item.title} (now)`) : item.title, ' ', move);
      })),
      h('h2', { class: 'govuk-heading-m' }, 'Who is here'),
      h('ul', { class: 'govuk-list', id: 'live-people' }, uniquePeople().map((p) => {
        const clear = isChair() && p.handRaised ? h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0',
          'aria-label': `Lower ${p.name}'s hand` }, 'Lower hand') : null;
        if (clear) clear.addEventListener('click', () => connection.send({ type: 'clearHand', participantId: p.participantId }));
        return h('li', {}, p.name, ` (${humanise(p.role)})`, h('span', { 'data-speaking-for': p.participantId }), p.handRaised ? h('strong', { class: 'govuk-tag govuk-tag--yellow govuk-!-margin-left-1' }, 'Hand up') : null, ' ', clear);
      })),
      room.hands.length ? h('p', { class: 'govuk-body', id: 'hand-queue' }, `Hands up, in order: ${room.hands.map(nameOf).join(', ')}`) : null,
      hand);
    media.showSpeaking();
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
    if (part && part.youAreExcluded) {
      return h('div', { class: 'govuk-warning-text' }, h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
        h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, 'Warning'),
          'A private part of the meeting is happening. You will be back in when it ends.'));
    }
    if (part) {
      const end = isChair() ? h('button', { type: 'button', class: 'govuk-button', id: 'end-private' }, 'End the private part') : null;
      if (end) end.addEventListener('click', () => connection.send({ type: 'endPrivate' }));
      return h('div', { class: 'govuk-inset-text', id: 'private-running' },
        h('p', { class: 'govuk-body' }, h('strong', {}, 'Private part: '), part.reason),
        h('p', { class: 'govuk-body' }, `Not present: ${part.excluded.join(', ')}`), end);
    }
    if (!isChair()) return null;
    const others = conference.invitees.filter((i) => i.role !== 'CHAIR');
    const reason = h('textarea', { class: 'govuk-textarea', id: 'private-reason', name: 'private-reason', rows: '2', 'aria-describedby': 'private-reason-hint' });
    const familyText = h('textarea', { class: 'govuk-textarea', id: 'private-family-text', name: 'private-family-text', rows: '3', 'aria-describedby': 'private-family-text-hint' });
    familyText.value = 'The professionals talked without you for part of the meeting. You can ask the chair about it.';
    const form = h('form', { novalidate: true, id: 'private-form' },
      h('fieldset', { class: 'govuk-fieldset' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Who should leave for a private part?'),
        h('div', { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' }, others.map((i) => h('div', { class: 'govuk-checkboxes__item' },
          h('input', { class: 'govuk-checkboxes__input', type: 'checkbox', id: `exclude-${i.id}`, name: 'exclude', value: i.id }),
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
    return h('details', { class: 'govuk-details' },
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

function endedText(reason) {
  return {
    'signed-out': 'your session has ended. Please sign in again.',
    'no-access': 'you no longer have access to this conference.',
    closed: 'the conference has closed.',
    unsupported: 'please reload the page.',
  }[reason] || 'please reload the page.';
}
