/**
 * A tiny DOM builder for the widgets: every value becomes a text node or a property, never HTML,
 * so provider names and descriptions (set by the operator) are escaped by construction.
 */

/** `h('button', { type: 'button', onclick }, 'Connect')`: attributes, `on*` listeners, children. */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

let counter = 0;
/** A unique id for a label's `for` or an `aria-describedby`. */
export const uid = (prefix) => `${prefix}-${++counter}`;

/** A labelled input; `hint` becomes its description. */
export function field(label, attributes, hint) {
  const id = uid('field');
  const hintId = hint ? `${id}-hint` : undefined;
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h('input', { id, 'aria-describedby': hintId, ...attributes }),
    hint ? h('small', { id: hintId }, hint) : null,
  );
}

/** A message line: `role=alert` for errors, `role=status` for news. */
export const notice = (message) =>
  message ? h('p', { class: `notice ${message.kind}`, role: message.kind === 'error' ? 'alert' : 'status' }, message.text) : null;

/**
 * The base of both widgets: a light-DOM custom element (so the page's stylesheet applies) that
 * renders its whole view again on every state change and puts the keyboard focus back where it was.
 */
export class WidgetElement extends HTMLElement {
  connectedCallback() {
    this.items = null;
    this.message = null;
    this.rows = {};
    this.load();
  }

  /** The heading, the widget's message and one list item per provider (`itemView`, `texts` from the subclass). */
  view() {
    if (this.items === null) return [h('p', { 'aria-busy': 'true' }, this.texts.loading)];
    return [
      h('h1', {}, this.texts.title),
      notice(this.message),
      this.items.length === 0 && !this.message ? h('p', {}, this.texts.empty) : null,
      h('ul', { class: 'rows' }, ...this.items.map((item) => h('li', {}, this.itemView(item)))),
    ];
  }

  render() {
    const focused = document.activeElement?.dataset?.focusKey;
    this.replaceChildren(...this.view().filter((node) => node !== null && node !== false));
    if (focused) this.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
  }
}
