// Voice and video in the live room: a full mesh of RTCPeerConnections, one per other person in
// the call, signalled over the live socket (docs/protocol.md, "Voice and video"). Each pair uses
// the "perfect negotiation" pattern: both may offer; the one whose connectionId sorts first is
// polite and gives way when offers cross. The first offer of a pair, though, comes from the
// impolite side only, and the polite side waits for it: the server tells both sides of each
// other at once, and when both offered, the polite side's rolled-back first offer left Chromium
// gathering no TURN candidate for its answer (no Allocate reached coturn, no icecandidateerror),
// so with iceTransportPolicy 'relay' that pair never began to connect.
// Self-contained: the room page gives it the connection and the places to draw in
// (#rt-media-bar, #rt-video-tiles, [data-speaking-for]).
import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import { LinkQuality, LOOK_EVERY_MS, lookAt } from './link-quality.js';

const SPEAKING_LEVEL = 0.04;
/** How long a pair may go without agreeing before it asks again. */
const MEND_AFTER_MS = 5000;
const VIDEO = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 15, max: 24 } };

export class MediaRoom {
  constructor(connection, { conferenceId, bar, tiles, nameOf }) {
    this.connection = connection;
    this.conferenceId = conferenceId;
    this.bar = bar;
    this.tiles = tiles;
    this.nameOf = nameOf;
    this.config = { iceServers: [], iceTransportPolicy: 'all', maxVideoSenders: 6 };
    this.myId = null;
    this.me = null;
    this.stream = null;
    this.joined = false;
    this.voiceOnly = false;
    this.muted = false;
    this.cameraOff = false;
    this.peers = new Map();
    this.states = new Map();
    // Peers the server cut us off from (a private part): nothing of theirs is taken until they are announced again.
    this.cut = new Set();
    this.speaking = new Map();
    this.quality = new LinkQuality();
    this.qualityWatch = null;
    this.audio = null;
    // Drawn once and kept: a polite live region announces changes to its text only while it
    // stays in the page, so the buttons are redrawn around it, never the region itself.
    this.status = h('p', { class: 'govuk-body-s', id: 'rt-media-status', 'aria-live': 'polite' });
    this.heading = h('h2', { class: 'govuk-heading-m' }, t('live.call.heading'));
    // What was last said, as a key and its gaps, so that a change of language can say it again.
    this.said = null;
    replaceChildren(this.bar, this.heading, this.status);
    this.render();
  }

  /** The page's language changed: every word drawn again, the call and its connections untouched. */
  redrawWords() {
    this.heading.textContent = t('live.call.heading');
    if (this.said) this.status.textContent = t(...this.said);
    this.render();
  }

  // ---- from the live socket -----------------------------------------------------------------

  welcomed(message) {
    // A new socket is a new connection: the old peer connections are gone; join the call again.
    this.myId = message.connectionId;
    this.me = message.you.participantId;
    for (const id of [...this.peers.keys()]) this.close(id);
    this.states.clear();
    this.cut.clear();
    if (this.joined) this.sendState();
  }

  handle(message) {
    switch (message.type) {
      case 'rtc.config':
        this.config = message;
        return true;
      case 'media':
        this.mediaOf(message);
        return true;
      case 'rtc.offer':
      case 'rtc.answer':
        this.description(message.from, message.type === 'rtc.offer' ? 'offer' : 'answer', message.sdp);
        return true;
      case 'rtc.candidate':
        this.candidate(message.from, message.candidate);
        return true;
      case 'rtc.hangup':
        this.close(message.from);
        if (message.reason === 'private-part') this.cut.add(message.from);
        if (message.reason === 'private-part') this.say('live.call.pausedForPrivatePart');
        return true;
      default:
        return false;
    }
  }

  /** A connection left the room: it left the call too. */
  left(connectionId) {
    this.states.delete(connectionId);
    this.close(connectionId);
  }

  // ---- joining, muting, leaving ---------------------------------------------------------------

  async join(withVideo) {
    const senders = [...this.states.values()].filter((s) => s.joined && s.video).length;
    const video = withVideo && senders < this.config.maxVideoSenders;
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: video ? VIDEO : false });
    } catch (e) {
      this.say('live.call.noMicrophone');
      return;
    }
    this.joined = true;
    this.voiceOnly = !video;
    this.muted = false;
    this.cameraOff = !video;
    if (withVideo && !video) this.say('live.call.joinedByVoice', { count: senders });
    else this.say('live.call.youAreIn');
    this.quality.reset();
    clearInterval(this.qualityWatch);
    this.qualityWatch = setInterval(() => this.checkLink(), LOOK_EVERY_MS);
    this.listen(this.me, this.stream);
    this.sendState();
    this.render();
  }

  leave() {
    clearInterval(this.qualityWatch);
    this.qualityWatch = null;
    this.joined = false;
    this.muted = false;
    this.cameraOff = false;
    for (const id of [...this.peers.keys()]) this.close(id);
    if (this.stream) this.stream.getTracks().forEach((t) => t.stop());
    this.stream = null;
    this.speaking.delete(this.me);
    this.sendState();
    this.say('live.call.youLeft');
    this.render();
  }

  toggleMute() {
    this.muted = !this.muted;
    const track = this.track('audio');
    if (track) track.enabled = !this.muted;
    // A sender without a track sends nothing at all (a disabled track would still send silence).
    for (const p of this.peers.values()) if (p.audioSender) p.audioSender.replaceTrack(this.muted ? null : track);
    this.sendState();
    this.render();
  }

  async toggleCamera() {
    if (!this.track('video')) {
      const senders = [...this.states.values()].filter((s) => s.joined && s.video).length;
      if (senders >= this.config.maxVideoSenders) {
        this.say('live.call.tooManyVideos', { count: senders });
        return;
      }
      try {
        const camera = await navigator.mediaDevices.getUserMedia({ video: VIDEO });
        const track = camera.getVideoTracks()[0];
        this.stream.addTrack(track);
        for (const p of this.peers.values()) p.videoSender = p.pc.addTrack(track, this.stream);
        this.cameraOff = false;
        this.voiceOnly = false;
      } catch (e) {
        this.say('live.call.noCamera');
        return;
      }
    } else {
      this.cameraOff = !this.cameraOff;
      const track = this.track('video');
      track.enabled = !this.cameraOff;
      for (const p of this.peers.values()) if (p.videoSender) p.videoSender.replaceTrack(this.cameraOff ? null : track);
    }
    this.sendState();
    this.render();
  }

  /** On a poor connection this person's video goes, so that their voice keeps getting through. */
  async checkLink() {
    if (!this.joined || this.cameraOff || !this.track('video') || !this.peers.size) {
      this.quality.reset();
      return;
    }
    const reports = await Promise.all([...this.peers.values()].map((p) => p.pc.getStats().catch(() => null)));
    if (!this.quality.add(lookAt(reports.filter(Boolean))) || this.cameraOff) return;
    await this.toggleCamera();
    this.say('live.call.weakConnection');
  }

  sendState() {
    this.connection.send({
      type: 'media', joined: this.joined, audio: this.joined && !this.muted, video: this.joined && !this.cameraOff && Boolean(this.track('video')),
      voiceOnly: this.joined && this.voiceOnly,
    });
  }

  track(kind) {
    return this.stream ? this.stream.getTracks().find((t) => t.kind === kind) : null;
  }

  // ---- the mesh ---------------------------------------------------------------------------------

  mediaOf(state) {
    this.states.set(state.from, state);
    this.cut.delete(state.from);
    if (!state.joined) {
      this.close(state.from);
    } else if (this.joined && !this.peers.has(state.from) && state.participantId !== this.me) {
      this.peer(state.from, state.participantId);
    }
    this.render();
  }

  peer(id, participantId) {
    let p = this.peers.get(id);
    if (p) return p;
    const config = { iceServers: this.config.iceServers, iceTransportPolicy: this.config.iceTransportPolicy };
    const pc = new RTCPeerConnection(config);
    const polite = this.myId < id;
    p = {
      id, pc, participantId: participantId || (this.states.get(id) || {}).participantId, polite, makingOffer: false, ignoreOffer: false,
      // The first offer of a pair comes from its impolite side only (see the top and mend).
      awaitingFirstOffer: polite, born: Date.now(), candidates: [], log: [],
    };
    this.peers.set(id, p);
    this.trace(p, `created, ${polite ? 'polite' : 'impolite'}, ${config.iceTransportPolicy}`);
    const audio = this.track('audio');
    const video = this.track('video');
    if (audio) {
      p.audioSender = pc.addTrack(audio, this.stream);
      if (this.muted) p.audioSender.replaceTrack(null);
    }
    if (video) {
      p.videoSender = pc.addTrack(video, this.stream);
      if (this.cameraOff) p.videoSender.replaceTrack(null);
    }
    // Always ready to receive both, whatever this side sends.
    if (!video) pc.addTransceiver('video', { direction: 'recvonly' });
    pc.onnegotiationneeded = () => {
      if (p.awaitingFirstOffer) return;
      this.offer(p);
    };
    pc.onicecandidate = ({ candidate }) => {
      if (!candidate) return;
      this.trace(p, `candidate out ${candidate.type} ${candidate.usernameFragment}`);
      // Kept, so that an offer sent again (see mend) goes with its candidates.
      p.candidates.push(candidate.toJSON());
      this.connection.send({ type: 'rtc.candidate', to: id, candidate: candidate.toJSON() });
    };
    pc.onicecandidateerror = (e) => this.trace(p, `candidate error ${e.errorCode} ${e.errorText} ${e.url}`);
    pc.onsignalingstatechange = () => {
      this.trace(p, `signaling ${pc.signalingState}`);
      if (pc.signalingState === 'stable') p.agreedAt = Date.now();
    };
    pc.oniceconnectionstatechange = () => this.trace(p, `ice ${pc.iceConnectionState}`);
    pc.ontrack = ({ track, streams }) => {
      p.stream = streams[0] || p.stream || new MediaStream();
      if (!p.stream.getTracks().includes(track)) p.stream.addTrack(track);
      if (track.kind === 'audio') this.listen(p.participantId, p.stream);
      this.render();
    };
    pc.onconnectionstatechange = () => {
      this.trace(p, `connection ${pc.connectionState}`);
      if (pc.connectionState === 'failed') pc.restartIce();
    };
    // Signalling can be lost (an offer refused while the other side was still joining): a pair
    // that has not agreed within a few seconds asks again.
    p.watchdog = setInterval(() => this.mend(p), MEND_AFTER_MS);
    return p;
  }

  async offer(p) {
    const pc = p.pc;
    try {
      p.makingOffer = true;
      await pc.setLocalDescription();
      p.offeredAt = Date.now();
      this.trace(p, `offer out ${ufrag(pc.localDescription.sdp)}`);
      this.connection.send({ type: 'rtc.offer', to: p.id, sdp: pc.localDescription.sdp });
    } catch (e) {
      // The peer connection closed meanwhile; nothing to do.
    } finally {
      p.makingOffer = false;
    }
  }

  mend(p) {
    const pc = p.pc;
    if (pc.signalingState === 'closed') {
      clearInterval(p.watchdog);
      return;
    }
    if (p.makingOffer || pc.connectionState === 'connected' || pc.connectionState === 'connecting') return;
    const now = Date.now();
    if (p.awaitingFirstOffer) {
      // No offer came from the other side at all (lost, or refused): offer from this side after all.
      if (now - p.born < 2 * MEND_AFTER_MS) return;
      this.trace(p, 'mend: no offer came, offering');
      p.awaitingFirstOffer = false;
      this.offer(p);
    } else if (pc.signalingState === 'have-local-offer' && now - (p.offeredAt || 0) >= MEND_AFTER_MS) {
      // Our offer was not answered: send the same offer and its candidates again. Not taken back
      // and made anew: a first offer rolled back while its TURN allocation is under way leaves
      // Chromium gathering nothing for the next one (see the top).
      this.trace(p, 'mend: offer sent again');
      p.offeredAt = now;
      const sdp = pc.localDescription.sdp;
      this.connection.send({ type: 'rtc.offer', to: p.id, sdp });
      p.candidates.filter((c) => c.usernameFragment === ufrag(sdp)).forEach((c) => this.connection.send({ type: 'rtc.candidate', to: p.id, candidate: c }));
    } else if (pc.signalingState === 'stable' && !pc.remoteDescription) {
      this.trace(p, 'mend: offering');
      this.offer(p);
    } else if (pc.signalingState === 'stable' && pc.connectionState === 'new' && !p.polite && now - (p.agreedAt || now) >= 3 * MEND_AFTER_MS) {
      // Agreed long ago, yet no address pair was ever tried: gather and exchange addresses anew.
      // (The impolite side only, so that the two restarts do not cross.)
      this.trace(p, 'mend: ICE restart');
      p.agreedAt = now;
      pc.restartIce();
    }
  }

  async description(from, type, sdp) {
    if (!this.joined || this.cut.has(from)) return;
    const p = this.peer(from);
    try {
      const collision = type === 'offer' && (p.makingOffer || p.pc.signalingState !== 'stable');
      p.ignoreOffer = !p.polite && collision;
      this.trace(p, `${type} in ${ufrag(sdp)}${p.ignoreOffer ? ', ignored (offers crossed)' : ''}`);
      if (p.ignoreOffer) return;
      if (type === 'offer') p.awaitingFirstOffer = false;
      await p.pc.setRemoteDescription({ type, sdp });
      if (type === 'offer') {
        await p.pc.setLocalDescription();
        this.trace(p, `answer out ${ufrag(p.pc.localDescription.sdp)}`);
        this.connection.send({ type: 'rtc.answer', to: from, sdp: p.pc.localDescription.sdp });
      }
    } catch (e) {
      // A description that no longer fits (the peer left or restarted): the next offer mends it.
      this.trace(p, `${type} refused: ${e.message}`);
    }
  }

  async candidate(from, candidate) {
    const p = this.peers.get(from);
    if (!p || !candidate) return;
    try {
      await p.pc.addIceCandidate(candidate);
      this.trace(p, `candidate in ${candidate.usernameFragment}`);
    } catch (e) {
      // A candidate for an offer we ignored (glare) is expected to fail.
      this.trace(p, `candidate in ${candidate.usernameFragment} refused: ${e.message}`);
    }
  }

  /** What happened to this pair, newest last: the browser tests print it when a call fails. */
  trace(p, text) {
    p.log.push(`${Date.now() - p.born} ${text}`);
    if (p.log.length > 60) p.log.splice(0, p.log.length - 60);
  }

  close(id) {
    const p = this.peers.get(id);
    if (!p) return;
    this.peers.delete(id);
    clearInterval(p.watchdog);
    p.pc.close();
    if (p.participantId) this.speaking.delete(p.participantId);
    this.render();
  }

  // ---- who is speaking --------------------------------------------------------------------------

  /** Watches a stream's sound level; "speaking" shows beside that person's name in Who is here. */
  listen(participantId, stream) {
    if (!participantId || !stream.getAudioTracks().length) return;
    if (!this.audio) {
      this.audio = { context: new AudioContext(), meters: new Map() };
      this.audio.timer = setInterval(() => this.measure(), 250);
    }
    const source = this.audio.context.createMediaStreamSource(stream);
    const analyser = this.audio.context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    this.audio.meters.set(participantId, { analyser, data: new Uint8Array(analyser.fftSize), stream });
  }

  measure() {
    for (const [participantId, meter] of this.audio.meters) {
      const stillHere = participantId === this.me ? this.joined : [...this.peers.values()].some((p) => p.participantId === participantId);
      if (!stillHere) { this.audio.meters.delete(participantId); this.speaking.delete(participantId); continue; }
      meter.analyser.getByteTimeDomainData(meter.data);
      let sum = 0;
      for (const v of meter.data) sum += ((v - 128) / 128) ** 2;
      const level = Math.sqrt(sum / meter.data.length);
      const muted = participantId === this.me ? this.muted : this.stateOf(participantId).audio === false;
      this.speaking.set(participantId, !muted && level > SPEAKING_LEVEL);
    }
    this.showSpeaking();
  }

  stateOf(participantId) {
    return [...this.states.values()].find((s) => s.participantId === participantId) || {};
  }

  /** Marks every [data-speaking-for] on the page (the room page draws them beside each name). */
  showSpeaking() {
    document.querySelectorAll('[data-speaking-for]').forEach((el) => {
      const who = el.getAttribute('data-speaking-for');
      const speaking = Boolean(this.speaking.get(who));
      const state = who === this.me ? (this.joined ? { joined: true, audio: !this.muted } : {}) : this.stateOf(who);
      const text = speaking ? t('live.call.speaking') : state.joined ? (state.audio ? t('live.call.inTheCall') : t('live.call.inTheCallMuted')) : '';
      if (el.textContent !== text) el.textContent = text;
      el.className = speaking ? 'govuk-tag govuk-tag--green govuk-!-margin-left-1' : text ? 'govuk-tag govuk-tag--grey govuk-!-margin-left-1' : '';
    });
  }

  // ---- drawing --------------------------------------------------------------------------------

  /** Says in the status line the text of key, gaps filled from params. */
  say(key, params = {}) {
    this.said = [key, params];
    this.status.textContent = t(key, params);
  }

  render() {
    const button = (name, label, secondary, onClick) => {
      const b = h('button', { type: 'button', class: `govuk-button ${secondary ? 'govuk-button--secondary' : ''} govuk-!-margin-right-2 govuk-!-margin-bottom-2`, 'data-media': name }, label);
      b.addEventListener('click', onClick);
      return b;
    };
    this.bar.querySelectorAll('[data-media]').forEach((b) => b.remove());
    // At the bar's end: the status line may live elsewhere on the page (live.js puts it under the bar).
    this.bar.append(...(this.joined ? [
      button('mute', this.muted ? t('live.call.unmute') : t('live.call.mute'), true, () => this.toggleMute()),
      button('camera', this.track('video') && !this.cameraOff ? t('live.call.cameraOff') : t('live.call.cameraOn'), true, () => this.toggleCamera()),
      button('leave', t('live.call.leave'), true, () => this.leave()),
    ] : [
      button('join-video', t('live.call.joinWithVideo'), false, () => this.join(true)),
      button('join-voice', t('live.call.joinByVoice'), true, () => this.join(false)),
    ]));
    this.renderTiles();
    this.showSpeaking();
  }

  renderTiles() {
    const wanted = [];
    if (this.joined && this.stream) {
      wanted.push({ key: 'me', stream: this.stream, name: this.nameOf(this.me), mine: true,
        video: Boolean(this.track('video')) && !this.cameraOff, voiceOnly: this.voiceOnly, muted: this.muted });
    }
    for (const p of this.peers.values()) {
      if (!p.stream) continue;
      const state = this.states.get(p.id) || {};
      wanted.push({ key: p.id, stream: p.stream, name: this.nameOf(p.participantId),
        video: Boolean(state.video) && p.stream.getVideoTracks().length > 0, voiceOnly: Boolean(state.voiceOnly), muted: state.audio === false });
    }
    const existing = new Map([...this.tiles.children].map((el) => [el.getAttribute('data-tile'), el]));
    const kept = wanted.map((w) => {
      const tile = existing.get(w.key) || newTile(w);
      drawTile(tile, w);
      return tile;
    });
    if (kept.length !== this.tiles.children.length || kept.some((t, i) => this.tiles.children[i] !== t)) replaceChildren(this.tiles, kept);
  }

  // ---- for checks (the browser tests read what flows) ----------------------------------------

  /** Bytes sent and received so far, by kind, over every peer connection. */
  async stats() {
    const total = { inboundAudio: 0, inboundVideo: 0, outboundAudio: 0, outboundVideo: 0, peers: {} };
    for (const p of this.peers.values()) {
      const mine = { inboundAudio: 0, inboundVideo: 0, state: p.pc.connectionState, relay: false,
        signaling: p.pc.signalingState, ice: p.pc.iceConnectionState, gathering: p.pc.iceGatheringState, log: p.log };
      const report = await p.pc.getStats();
      report.forEach((s) => {
        const audio = s.kind === 'audio';
        const inbound = audio ? 'inboundAudio' : 'inboundVideo';
        if (s.type === 'inbound-rtp') { total[inbound] += s.bytesReceived; mine[inbound] += s.bytesReceived; }
        if (s.type === 'outbound-rtp') total[audio ? 'outboundAudio' : 'outboundVideo'] += s.bytesSent;
        if (s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated) {
          const local = report.get(s.localCandidateId);
          if (local && local.candidateType === 'relay') mine.relay = true;
        }
      });
      // What the poor-connection watch sees of this pair (link-quality.js).
      Object.assign(mine, lookAt([report]));
      total.peers[p.participantId] = mine;
    }
    return total;
  }
}

/** A tile's picture and, for when there is none, the person's initials in its place. */
function newTile(w) {
  // The <video> plays the sound too, so it stays in the tile even when it shows no picture.
  const video = h('video', { autoplay: true, playsinline: true, 'aria-hidden': 'true' });
  video.muted = Boolean(w.mine);
  video.srcObject = w.stream;
  return h('figure', { class: 'app-video-tile', 'data-tile': w.key }, video,
    h('div', { class: 'app-video-tile__person', 'aria-hidden': 'true' }, h('span', { class: 'app-video-tile__initials' })),
    h('figcaption', { class: 'govuk-body-s' }));
}

/**
 * Someone without a picture (joined by voice, or camera off) is their name and initials, not a
 * black box; the caption says why there is no picture, and whether they are muted.
 */
function drawTile(tile, w) {
  tile.setAttribute('data-video', w.video ? 'on' : 'off');
  tile.querySelector('video').hidden = !w.video;
  tile.querySelector('.app-video-tile__person').hidden = w.video;
  tile.querySelector('.app-video-tile__initials').textContent = initials(w.name);
  const why = w.video ? [] : [w.voiceOnly ? t('live.tile.voiceOnly') : t('live.tile.cameraOff')];
  const caption = [w.mine ? t('live.tile.you', { name: w.name }) : w.name, ...why, ...(w.muted ? [t('live.tile.muted')] : [])].join(', ');
  const figcaption = tile.querySelector('figcaption');
  if (figcaption.textContent !== caption) figcaption.textContent = caption;
}

/** "Jess Taylor" -> "JT". */
function initials(name) {
  const words = String(name || '').split(/\s+/).filter(Boolean);
  return words.length ? (words[0][0] + (words.length > 1 ? words[words.length - 1][0] : '')).toUpperCase() : '?';
}

function ufrag(sdp) {
  const m = /a=ice-ufrag:(\S+)/.exec(sdp || '');
  return m ? m[1] : '-';
}
