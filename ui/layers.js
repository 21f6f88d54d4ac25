// Group layers, as pure logic (no DOM): who annotated an article and how much, each member's
// colour (one of MEMBER_COLORS slots, kept across sessions), which layers are hidden, and
// whether highlights are coloured by member. Tested in tests/layers.test.js.
//
// The store contract with highlights.js: `layers = {byMember, hidden: [names], colors: {name: 0..7}}`.
// What is saved (the `layers` setting) is the same, except that `byMember` may be null:
// "automatic", on when the article has annotations by more than one member.

/** How many member colours there are (`--member-0` … `--member-7`, `hl-member-<i>`). */
export const MEMBER_COLORS = 8;

/** The saved setting, made safe: unknown fields dropped, bad entries ignored. */
export function normalizeLayers(saved) {
  const s = saved && typeof saved === 'object' ? saved : {};
  const colors = {};
  if (s.colors && typeof s.colors === 'object') {
    for (const [name, index] of Object.entries(s.colors)) {
      if (Number.isInteger(index) && index >= 0 && index < MEMBER_COLORS) colors[name] = index;
    }
  }
  const hidden = Array.isArray(s.hidden) ? [...new Set(s.hidden.filter((n) => typeof n === 'string'))] : [];
  const byMember = typeof s.byMember === 'boolean' ? s.byMember : null;
  return { byMember, hidden, colors };
}

/** Live annotations counted per creator: [{name, count}], most first, then by name. */
export function countByCreator(annotations) {
  const counts = new Map();
  for (const a of annotations || []) {
    // The shell's highlights carry `creator` as a name; W3C annotations as {name}.
    const name = typeof a?.creator === 'string' ? a.creator : a?.creator?.name;
    if (typeof name !== 'string' || !name) continue;
    counts.set(name, (counts.get(name) || 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/**
 * Gives every name in `names` a colour slot, keeping the slots already given (so a member keeps
 * their colour across articles and sessions). A new name takes the least used slot (the lowest
 * on a tie); new names are placed in sorted order, so the result does not depend on the order
 * they were seen in. Returns a new map (the same object when nothing changed).
 */
export function assignColors(colors, names) {
  const missing = [...new Set(names)].filter((n) => !(n in colors)).sort();
  if (missing.length === 0) return colors;
  const next = { ...colors };
  const used = new Array(MEMBER_COLORS).fill(0);
  for (const index of Object.values(next)) used[index] += 1;
  for (const name of missing) {
    const slot = used.indexOf(Math.min(...used));
    next[name] = slot;
    used[slot] += 1;
  }
  return next;
}

/** Shows (`visible` true) or hides a member's layer. */
export function setVisible(layers, name, visible) {
  const hidden = layers.hidden.filter((n) => n !== name);
  if (!visible) hidden.push(name);
  return { ...layers, hidden };
}

/** Whether highlights are coloured by member: the user's choice, else on with 2+ members. */
export function colourByMember(layers, memberCount) {
  return layers.byMember ?? memberCount > 1;
}

/** The store value highlights.js paints from. */
export function storeLayers(layers, memberCount) {
  return { byMember: colourByMember(layers, memberCount), hidden: [...layers.hidden], colors: { ...layers.colors } };
}
