// Where an administrator lands: the jobs of setting a council up, not an empty list of meetings.
import { api } from '../../api.js';
import { h } from '../../dom.js';
import { takeFlash } from '../../fields.js';
import { adminPage } from './kit.js';

function job(href, title, text, id) {
  return h('li', { class: 'app-card' },
    h('h2', { class: 'govuk-heading-m' }, h('a', { class: 'govuk-link', href, id }, title)),
    h('p', { class: 'govuk-body' }, text));
}

export async function render(main) {
  await adminPage(main, 'Administration');
  const [agencies, organisations, families, cluster] = await Promise.all([
    api.get('/agencies?size=1'), api.get('/advocacy-organisations'), api.get('/families?size=1'), api.get('/admin/cluster')]);
  main.append(takeFlash() || '',
    h('h1', { class: 'govuk-heading-l' }, 'Administration'),
    h('p', { class: 'govuk-body' }, 'Set up the agencies that work with families and the people who sign in for them. '
      + 'As an administrator you do not see what is in a family\'s case.'),
    h('ul', { class: 'govuk-list', id: 'admin-jobs' },
      job('/admin/agencies', 'Agencies and staff',
        `${agencies.total} ${agencies.total === 1 ? 'agency' : 'agencies'}. Add agencies, their contact details and their staff; change roles; deactivate an account or reset a sign-in.`, 'agencies-link'),
      job('/admin/advocacy-organisations', "Advocates' organisations",
        `${organisations.length} ${organisations.length === 1 ? 'organisation' : 'organisations'}. The independent organisations that advocates come from.`, 'organisations-link'),
      job('/families', 'Which agencies work with each family',
        `${families.total} ${families.total === 1 ? 'family' : 'families'}. Record an agency's involvement, its lead practitioner, and when it starts and ends.`, 'families-link'),
      job('/admin/reminders', 'Reminders', 'How many days before an action is due its owner is emailed; send today\u2019s reminders now.', 'reminders-link')),
    h('p', { class: 'govuk-body-s', id: 'admin-cluster' }, servers(cluster)));
}

// Which servers are running, for whoever patches them one at a time (docs/cluster.md).
function servers(cluster) {
  if (cluster.members.length <= 1) return 'Roundtable is running on one server.';
  return `Roundtable is running on ${cluster.members.length} servers: ${cluster.members.join(', ')}. `
    + `This page came from ${cluster.node}.`;
}
