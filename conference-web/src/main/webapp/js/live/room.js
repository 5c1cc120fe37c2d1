// Changes to the room (protocol 1.2): one hand raised or lowered, the agenda moved, or a private
// part begun or ended, applied to the room as the welcome sent it. Who is here changes by
// `presence`; everything else in the room stays as it was.
export function applyRoomChange(room, message) {
  switch (message.type) {
    case 'hand': {
      const id = message.participantId;
      const hands = message.raised
        ? (room.hands.includes(id) ? room.hands : [...room.hands, id])
        : room.hands.filter((h) => h !== id);
      const participants = room.participants.map((p) => (p.participantId === id ? { ...p, handRaised: message.raised } : p));
      return { ...room, hands, participants };
    }
    case 'agenda':
      return { ...room, agendaItemId: message.agendaItemId };
    case 'privatePart': {
      const excluded = Boolean(message.privatePart && message.privatePart.youAreExcluded);
      // Someone kept out is not told where the others type.
      const participants = excluded ? room.participants.map((p) => ({ ...p, editing: null })) : room.participants;
      return { ...room, privatePart: message.privatePart, participants };
    }
    default:
      return room;
  }
}
