// The Group tab of the reader (issue #6): each member who annotated this article as a layer,
// with their colour, name and count, a switch to show or hide the layer, and "Colour by
// member". It writes `store.layers` ({byMember, hidden, colors}); highlights.js paints from it.
// Member colours and hidden layers are saved in the `layers` setting, so they survive a
// restart. Also the reader's "Share" tool (export this article, import, sync).

import { h, clear, isTyping } from './dom.js';
import { normalizeLayers, countByCreator, assignColors, setVisible, colourByMember, storeLayers } from './layers.js';
import { openShare } from './exchange.js';

export function attach(ctx) {
  const { id, api, store, toast, navigate, addPanel, addTool, document: doc } = ctx;
  let disposed = false;
  let layers = normalizeLayers(null);
  let members = [];
  let me = null;
  let seq = 0;

  const share = h('button', { type: 'button', class: 'button button-quiet', id: 'share', title: 'Export this article, import a member’s file' }, 'Share');
  share.addEventListener('click', () => openShare({ api, toast, navigate }, { article: { id, title: doc.meta.title } }));

  const panel = addPanel({ id: 'group', label: 'Group', onShow: () => refresh() });
  const toggle = h('button', {
    type: 'button', class: 'button button-quiet', id: 'group-toggle', 'aria-controls': 'side',
    'aria-keyshortcuts': 'Shift+G', title: 'Group members’ highlights (Shift+G)',
  }, 'Group');
  const showPanel = () => {
    if (panel.toggle() && !panel.element.hidden) (panel.element.querySelector('input, button') || panel.element).focus();
  };
  toggle.addEventListener('click', () => panel.toggle());
  addTool(toggle);
  addTool(share);
  const byMemberSwitch = h('button', {
    type: 'button', role: 'switch', class: 'group-switch', id: 'group-by-member', 'aria-checked': 'false',
  }, h('span', { class: 'group-switch-track', 'aria-hidden': 'true' }, h('span', { class: 'group-switch-thumb' })), 'Colour by member');
  const list = h('ul', { class: 'group-members', id: 'group-members', 'aria-label': 'Members' });
  const status = h('p', { class: 'hint group-status', id: 'group-status', role: 'status' });
  panel.element.append(
    h('h2', { class: 'side-title' }, 'Group'),
    byMemberSwitch,
    status,
    list,
    h('p', { class: 'hint' }, 'Shift+G opens this tab; Space toggles a switch. Each member keeps their colour in every article.'));

  byMemberSwitch.addEventListener('click', () => {
    layers = { ...layers, byMember: !colourByMember(layers, members.length) };
    publish(true);
  });

  /** Sets `store.layers` and, when the user changed something, saves the setting. */
  function publish(save) {
    store.set({ layers: storeLayers(layers, members.length) });
    if (save) api.saveSettings({ layers }).catch((e) => toast(`Could not save the group layers: ${e.message}`));
    render();
  }

  function render() {
    byMemberSwitch.setAttribute('aria-checked', String(colourByMember(layers, members.length)));
    clear(list);
    if (members.length === 0) {
      status.textContent = 'No highlights in this article yet. Import a member’s file (Share) to see theirs.';
      return;
    }
    status.textContent = members.length === 1 ? '1 member annotated this article.' : `${members.length} members annotated this article.`;
    members.forEach(({ name, count }, i) => {
      const visible = !layers.hidden.includes(name);
      const input = h('input', { type: 'checkbox', role: 'switch', id: `group-layer-${i}`, class: 'group-layer-toggle', checked: visible, 'aria-describedby': `group-count-${i}` });
      input.dataset.member = name;
      input.addEventListener('change', () => {
        layers = setVisible(layers, name, input.checked);
        publish(true);
      });
      const slot = layers.colors[name] ?? 0;
      list.append(h('li', { class: `group-member${visible ? '' : ' is-hidden'}`, dataset: { member: name, color: String(slot) } },
        input,
        h('label', { for: `group-layer-${i}`, class: 'group-member-label' },
          h('span', { class: `group-swatch swatch-member-${slot}`, 'aria-hidden': 'true' }),
          h('span', { class: 'group-name' }, name),
          name === me && h('span', { class: 'group-you' }, ' (you)')),
        h('span', { class: 'group-count', id: `group-count-${i}`, 'aria-label': `${count} highlight${count === 1 ? '' : 's'}` }, String(count))));
    });
  }

  /** Reloads this article's annotations and the saved layers, then republishes. */
  async function refresh() {
    const mine = ++seq;
    try {
      const [view] = await Promise.all([api.articleHighlights(id), loaded]);
      if (disposed || mine !== seq) return;
      me = view.creator.name;
      members = countByCreator(view.highlights);
      const colors = assignColors(layers.colors, members.map((m) => m.name));
      const newColors = colors !== layers.colors;
      layers = { ...layers, colors };
      publish(newColors);
    } catch (e) {
      if (!disposed) toast(`Could not load the group’s highlights: ${e.message}`);
    }
  }

  // The saved layers are read once; afterwards this view's copy is the truth (a later read
  // could race a save still on its way).
  const loaded = api.getSettings().then((settings) => { layers = normalizeLayers(settings.layers); });
  const onKeyDown = (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e) || e.key !== 'G' || !e.shiftKey) return;
    if (document.querySelector('.dialog-backdrop, .hl-name-backdrop')) return;
    e.preventDefault();
    showPanel();
  };
  window.addEventListener('keydown', onKeyDown);
  const onChanged = () => refresh();
  window.addEventListener('lectern:annotations-changed', onChanged);
  refresh();

  return () => {
    disposed = true;
    window.removeEventListener('lectern:annotations-changed', onChanged);
    window.removeEventListener('keydown', onKeyDown);
  };
}
