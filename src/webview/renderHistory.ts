import type { AuthorView, SecretHistoryView, TimeView, VersionRowView } from '../shared/historyProtocol';
import { GLOBAL_SCOPE_LABEL } from '../shared/scopeWording';
import { NO_REFERENCE_TEXT, readerKindWord, type SecretUsageView } from '../shared/secretUsage';
import { actionButton } from './actionButton';
import { h, icon } from './dom';

function time(view: TimeView): HTMLElement {
  return h('time', { datetime: view.iso, title: view.exact }, view.relative);
}

function timeWithExact(view: TimeView): HTMLElement {
  return h('span', { class: 'time' }, time(view), h('span', { class: 'exact' }, view.exact));
}

function detail(term: string, ...description: (Node | string)[]): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, ...description)];
}

function expiryDetail(view: SecretHistoryView): HTMLElement[] {
  const expires = view.expires;
  if (expires === undefined) {
    return detail('Expires', h('span', { class: 'muted' }, 'Never'));
  }
  if (expires.expired) {
    return detail(
      'Expires',
      h('span', { class: 'expired' }, icon('warning'), ' Expired ', time(expires)),
      h('span', { class: 'exact' }, expires.exact),
    );
  }
  return detail('Expires', timeWithExact(expires));
}

function header(view: SecretHistoryView): HTMLElement {
  return h(
    'header',
    { class: 'header' },
    h(
      'div',
      { class: 'title-row' },
      h('h1', { id: 'heading', tabindex: '-1' }, icon('key'), h('span', {}, view.name)),
      actionButton('refresh', { label: 'Refresh version history', iconName: 'refresh', kind: 'icon' }),
    ),
    h(
      'dl',
      { class: 'details' },
      ...(view.connection === undefined
        ? []
        : detail('Connection', view.connection.name, h('span', { class: 'exact' }, view.connection.url))),
      ...detail('Scope', view.scope === 'global' ? GLOBAL_SCOPE_LABEL : 'Namespace'),
      ...(view.namespace === undefined ? [] : detail('Namespace', view.namespace)),
      ...detail('Variable', h('code', {}, view.variableName)),
      ...detail('Current version', h('span', { class: 'version-badge' }, `v${view.currentVersion}`)),
      ...detail(
        'Description',
        view.description === undefined || view.description === ''
          ? h('span', { class: 'muted' }, 'None')
          : view.description,
      ),
      ...expiryDetail(view),
      ...detail('Last updated', timeWithExact(view.updated)),
      ...usageDetail(view.usage),
    ),
  );
}

/** Which functions, jobs and files read the variable; text (never markup) from the workspace. */
function usageDetail(usage: SecretUsageView | undefined): HTMLElement[] {
  if (usage?.indexed !== true) {
    return [];
  }
  if (usage.readers.length === 0) {
    return detail('Read by', h('span', { class: 'muted no-reference' }, `${NO_REFERENCE_TEXT}.`));
  }
  return detail(
    'Read by',
    h(
      'ul',
      { class: 'readers' },
      ...usage.readers.map((reader) =>
        h(
          'li',
          { title: reader.path },
          `${readerKindWord(reader.kind)} `,
          h('code', {}, reader.name),
          h(
            'span',
            { class: 'muted' },
            ` (${reader.references} ${reader.references === 1 ? 'reference' : 'references'})`,
          ),
        ),
      ),
    ),
  );
}

function rollbackCell(row: VersionRowView, pendingRollback: number | undefined): HTMLElement {
  if (row.isCurrent) {
    return h('td', { class: 'actions' });
  }
  const pending = pendingRollback === row.version;
  const button = actionButton('rollback', {
    label: pending ? `Rolling back to version ${row.version}` : `Roll back to version ${row.version}`,
    text: pending ? 'Rolling Back…' : 'Roll Back',
    iconName: pending ? 'loading' : 'discard',
    kind: 'secondary',
    version: row.version,
  });
  if (pending) {
    button.firstElementChild?.classList.add('codicon-modifier-spin');
  }
  if (pendingRollback !== undefined) {
    // aria-disabled rather than disabled: a disabled button drops keyboard focus.
    button.setAttribute('aria-disabled', 'true');
  }
  return h('td', { class: 'actions' }, button);
}

function authorCell(author: AuthorView, version: number): HTMLElement {
  return h(
    'td',
    { class: 'author' },
    h(
      'span',
      { class: 'author-cell' },
      // The short label is for the eye; screen readers get the description (full id, email or why none) instead.
      h(
        'span',
        { class: `author-label author-${author.kind}`, title: author.description, 'aria-hidden': 'true' },
        author.label,
      ),
      h('span', { class: 'visually-hidden' }, author.description),
      author.id !== undefined &&
        actionButton('copyAuthorId', {
          label: `Copy the user id of the author of version ${version}`,
          iconName: 'copy',
          kind: 'icon',
          version,
        }),
    ),
  );
}

function versionRow(row: VersionRowView, pendingRollback: number | undefined): HTMLElement {
  return h(
    'tr',
    { class: row.isCurrent ? 'current' : undefined, 'aria-current': row.isCurrent ? 'true' : undefined },
    h(
      'th',
      { scope: 'row' },
      h('span', { class: 'version-badge' }, `v${row.version}`),
      row.isCurrent && h('span', { class: 'current-label' }, icon('check'), ' Current'),
    ),
    h('td', {}, timeWithExact(row.created)),
    authorCell(row.author, row.version),
    rollbackCell(row, pendingRollback),
  );
}

function versionsTable(view: SecretHistoryView, pendingRollback: number | undefined): HTMLElement {
  if (view.versions.length === 0) {
    return h('p', { class: 'muted' }, 'No version history available.');
  }
  return h(
    'table',
    { class: 'versions' },
    h('caption', { class: 'visually-hidden' }, `Versions of ${view.name}, newest first`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Version'),
        h('th', { scope: 'col' }, 'Created'),
        h('th', { scope: 'col' }, 'Author'),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')),
      ),
    ),
    h('tbody', {}, ...view.versions.map((row) => versionRow(row, pendingRollback))),
  );
}

/** The page of a loaded secret: its details, then its versions newest first with a rollback button on each older one. */
export function renderHistory(view: SecretHistoryView, pendingRollback: number | undefined): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(
    header(view),
    h(
      'section',
      { class: 'versions-section', 'aria-labelledby': 'versions-heading' },
      h('h2', { id: 'versions-heading' }, 'Versions ', h('span', { class: 'muted' }, `(${view.versions.length})`)),
      versionsTable(view, pendingRollback),
    ),
  );
  return fragment;
}
