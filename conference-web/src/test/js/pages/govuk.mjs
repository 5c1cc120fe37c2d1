export function initAll() {}
